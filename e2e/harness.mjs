// Shared set-up of the browser tests: the release build in dist/ served by a plain
// static server, Debian's Chromium driven by playwright-core, and a page that fails
// its test on any page error or console error.
import { after, before } from "node:test";
import { existsSync, readdirSync } from "node:fs";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
import { CHROMIUM, FLAGS } from "../scripts/chromium.mjs";
import { READY } from "../scripts/ready.mjs";

/**
 * Explore's results as the reader sees them. Results shown before stay in the page,
 * hidden, so that they come back without being drawn again (`KeptRows`).
 */
export const RESULT = "article.result:not([hidden])";

/**
 * The search matches painted on the page (the CSS Custom Highlight API's `search`
 * highlight, which the app paints in the frame after a change), in order: each match's
 * text, the result it is in, the language of the text around it and the link it is in.
 */
export async function searchHighlights(page) {
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  return page.evaluate(() =>
    [...(CSS.highlights.get("search") ?? [])].map((range) => {
      const at = range.startContainer.parentElement;
      return {
        text: range.toString(),
        item: at?.closest("article.result:not([hidden])")?.dataset.item ?? null,
        lang: at?.closest("[lang]")?.getAttribute("lang") ?? null,
        link: at?.closest("a")?.getAttribute("href") ?? null,
      };
    }),
  );
}

/**
 * A query no page is baked for and no view reads: such an address starts the app at
 * the page's load (public/early.js), for tests of that start and of what follows it.
 */
export const UNBAKED_QUERY = "?unbaked=1";

/** The app's main wasm in the release build (not an island's, nor a chunk). */
export const appWasm = () => readdirSync("dist").find((name) => /^cca-explorer-[0-9a-f]+_bg\.wasm$/.test(name));

export { ISLAND_LIVE, READY } from "../scripts/ready.mjs";

/**
 * Registers before/after hooks for one test file and returns the shared state:
 * `open(query, options)` opens the app and returns a page whose errors fail the test.
 * `dir` is the built site served (another dataset's build: `dist-mekong`).
 */
export function useApp({ base = "/", dir = "dist" } = {}) {
  const state = { server: null, browser: null, origin: "", pages: [] };

  before(async () => {
    if (!existsSync(`${dir}/index.html`)) throw new Error(`${dir}/ holds no built site: scripts/test.sh builds it`);
    state.server = await serve(dir, 0, base);
    state.origin = `http://127.0.0.1:${state.server.address().port}`;
    state.browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright starts Chromium with a fresh temporary profile of its own.
      args: FLAGS,
    });
  });

  after(async () => {
    await state.browser?.close();
    await new Promise((ok) => state.server?.close(ok));
  });

  /**
   * Opens `base + address` (`en/items/x/?theme=dark`, or "" for the site's root) in a
   * fresh context. Resolves once the page is ready for its reader: once the app has
   * taken over a page that starts it at load (addresses with a query the baked page does
   * not show), once its island is live (Explore), once loaded elsewhere (a page without
   * the app; `state.start` starts it there for tests of the app), at once with
   * `javaScript: false`, or once loaded with `live: false` (pages without the app, such
   * as 404.html). `before(page)` runs before the page is opened. An address that
   * starts with `http` is opened as it is (a host page of another origin, say, listed in
   * `origins` so that its requests are allowed).
   */
  state.open = async (
    address = "",
    { locale = "en-US", colorScheme = "light", viewport, route, javaScript = true, live = true, before, origins = [], bypassCSP = false, serviceWorkers = "block" } = {},
  ) => {
    // `bypassCSP` only for tests that inject a checker of their own (axe). The service
    // worker is blocked unless a test is about it: requests it answers would bypass
    // the routes tests set.
    const context = await state.browser.newContext({ locale, colorScheme, viewport, javaScriptEnabled: javaScript, bypassCSP, serviceWorkers });
    const page = await context.newPage();
    page.errors = [];
    page.on("pageerror", (e) => page.errors.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      // A 404 page's own status is what it is for; any other failed request is an error.
      const ownStatus = m.text().includes("status of 404") && m.location().url === page.url();
      if (m.type() === "error" && !ownStatus) page.errors.push(`console error: ${m.text()}`);
    });
    // Nothing may leave the page's own origin.
    await context.route("**/*", (r) => {
      const url = r.request().url();
      const allowed = [state.origin, ...origins, "data:", "blob:", "about:"];
      if (!allowed.some((origin) => url.startsWith(origin))) {
        page.errors.push(`request to another origin: ${url}`);
        return r.abort();
      }
      return r.continue();
    });
    if (route) await route(context);
    if (before) await before(page);
    await page.goto(address.startsWith("http") ? address : state.url(address));
    if (javaScript && live) await state.ready(page);
    return page;
  };

  /** The full URL of an address below the site's root. */
  state.url = (address = "") => `${state.origin}${base}${address}`;

  /** Resolves once the page is ready: the app live, or a page without it (and its island live). */
  state.ready = (page) =>
    page.waitForSelector(READY, { state: "attached", timeout: 15000 });

  /**
   * Starts the app on a page that does not need it (src/boot.js), for
   * tests of what the app does once it runs there; resolves once it has taken over.
   */
  state.start = async (page) => {
    await page.evaluate(() => dispatchEvent(new Event("cca-explorer-start")));
    await state.live(page);
  };

  /** Resolves once the app has taken over the page (it marks `<html data-app=live>`). */
  state.live = (page) => page.waitForSelector("html[data-app=live]", { state: "attached", timeout: 15000 });

  /** Fails if the page logged an error; closes its context. */
  state.done = async (page) => {
    const errors = [...page.errors];
    await page.context().close();
    assert.deepEqual(errors, [], "the page reported errors");
  };

  return state;
}
