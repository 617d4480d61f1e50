// Offline: after one visit the explorer opens and works with the network cut (pages
// visited or not, search, charts, downloads), and a new release replaces the old one
// whole, its files cached together and the old cache deleted.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../scripts/static-server.mjs";
import { createServer } from "node:http";
import { READY } from "./harness.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
let browser;
let server;
let origin;
// A copy of the build, so that a test can publish a "new release" into it.
const site = mkdtempSync(join(tmpdir(), "cca-offline-"));

before(async () => {
  cpSync("dist", site, { recursive: true });
  server = await serve(site, 0, "/sub/");
  origin = `http://127.0.0.1:${server.address().port}/sub/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] });
});
after(async () => {
  await browser?.close();
  await new Promise((ok) => server?.close(ok));
  rmSync(site, { recursive: true, force: true });
});

/** Opens a page in a fresh profile and waits until the service worker controls it. */
async function firstVisit(address) {
  const context = await browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // The worker's first caching downloads every part of the app: it must wait until the
  // app has taken over a page that starts it at load, or until a page that waits for
  // its reader has loaded, or it would compete with the page's own start.
  // (The worker's script is fetched by the context, not the page.)
  context.on("request", async (r) => {
    if (!r.url().endsWith("/sw.js")) return;
    const started = await page
      .evaluate(() => {
        const html = document.documentElement;
        const loaded = document.readyState === "complete";
        return html.hasAttribute("data-app") || (loaded && html.dataset.start !== "load");
      })
      .catch((e) => `the page could not be read: ${e.message}`);
    if (started !== true) errors.push(`the service worker was fetched before the page had started (${started})`);
  });
  await page.goto(origin + address);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, errors };
}

/** Waits until `check` (run in the page, may be async) holds. */
async function until(page, check, arg, timeout = 15000) {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(check, arg))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await page.waitForTimeout(100);
  }
}

/** Resolves once the page is ready: the app live, or (a baked page) waiting for its reader. */
const ready = (page) => page.waitForSelector(READY, { state: "attached", timeout: 15000 });

describe("offline", () => {
  it("opens every view after one visit with the network off", async () => {
    const { context, page, errors } = await firstVisit("en/");
    const cache = await page.evaluate(async () => {
      const names = await caches.keys();
      let bytes = 0;
      let files = 0;
      for (const name of names) {
        for (const request of await (await caches.open(name)).keys()) {
          bytes += (await (await caches.match(request)).arrayBuffer()).byteLength;
          files += 1;
        }
      }
      return { names, bytes, files };
    });
    assert.equal(cache.names.length, 1);
    console.log(`# offline cache after one visit: ${cache.files} files, ${cache.bytes} bytes`);

    await context.setOffline(true);
    const started = Date.now();
    await page.reload();
    await ready(page);
    console.log(`# offline reload until the app is live: ${Date.now() - started} ms`);
    // Pages never visited open too; the app draws what their address names.
    for (const [address, selector] of [
      ["en/charts/poverty-rate/", "[data-chart=poverty-rate] .chart-box svg"],
      ["zh/read/", ".read-section"],
      ["en/explore/?q=poverty", ".result"],
      ["en/map/", ".map-svg"],
      ["en/items/labour-migration/", ".item-detail"],
      // Each other view once (each chunk of the app, each part of the dataset), and the
      // side-by-side pages.
      ["en/countries/", "main [data-country]"],
      ["en/countries/KGZ/", "main [data-chart]"],
      ["en/sources/", "main li[data-reference]"],
      ["en/glossary/", "main tr[data-term]"],
      ["en/argument/", "main li.argument-link"],
      ["en/coverage/", "main td.coverage-cell"],
      ["en/facts/poverty-rate-kgz-2019/", ".fact-card"],
      ["both/charts/poverty-rate/", "[data-chart=poverty-rate] .chart-box svg"],
      ["both/items/labour-migration/", ".item-detail"],
    ]) {
      await page.goto(origin + address);
      await ready(page);
      await page.waitForSelector(selector, { state: "attached" });
      assert.equal(await page.$("base[data-shell]"), null, "the shell's base is gone once the app runs");
    }
    // Search and a download work offline.
    await page.goto(origin + "en/explore/");
    await ready(page);
    await page.fill("#search", "terror");
    await page.waitForFunction(() => document.querySelectorAll(".result").length > 0);
    const [file] = await Promise.all([page.waitForEvent("download"), page.click("button[data-download=selection]")]);
    assert.equal(file.suggestedFilename(), "selection.csv");
    // A chart's files too (the build wrote them; the worker has them).
    await page.goto(origin + "en/charts/poverty-rate/");
    await ready(page);
    for (const kind of ["csv", "png"]) {
      const [chartFile] = await Promise.all([page.waitForEvent("download"), page.click(`[data-chart=poverty-rate] button[data-download=${kind}]`)]);
      assert.equal(chartFile.suggestedFilename(), `poverty-rate.${kind}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("answers an unknown address with the 404 page, its links working, as online", async () => {
    const { context, page, errors } = await firstVisit("en/");
    await context.setOffline(true);
    for (const address of ["en/nowhere/", "nowhere/", "a/b/c", "en/items/no-such-item/"]) {
      const response = await page.goto(origin + address);
      assert.equal(response.status(), 404, address);
      assert.equal(page.url(), origin + address, `${address}: the address stays`);
      assert.match(await page.textContent("main"), /Page not found/, address);
      assert.notEqual(await page.evaluate(() => getComputedStyle(document.querySelector(".button")).borderRadius), "0px", `${address}: styled`);
      assert.equal(await page.evaluate(() => document.querySelector("a[href='en/']").href), origin + "en/", address);
    }
    await page.click("a[href='en/']");
    await page.waitForURL(origin + "en/");
    await ready(page);
    assert.ok(await page.isVisible("main h1"));
    // A folder's address without its final slash goes to the folder, as online.
    await page.goto(origin + "en/charts");
    await page.waitForURL(origin + "en/charts/");
    await ready(page);
    await page.waitForSelector("[data-chart] .chart-box svg", { state: "attached" });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("downloads every file the Sources page links to, with the network off", async () => {
    const { context, page } = await firstVisit("en/");
    await context.setOffline(true);
    for (const lang of ["en", "zh"]) {
      await page.goto(`${origin}${lang}/sources/`);
      await ready(page);
      const files = await page.$$eval("a[data-download-file]", (links) => links.map((a) => a.href));
      assert.equal(files.length, 3, lang);
      for (const href of [...files, `${origin}embed.js`]) {
        const got = await page.evaluate(async (url) => {
          const response = await fetch(url);
          return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
        }, href);
        assert.equal(got.status, 200, href);
        assert.ok(got.bytes > 0, href);
      }
    }
    await context.close();
  });

  it("takes a new release whole on the next visit and drops the old one", async () => {
    const { context, page } = await firstVisit("en/sources/");
    const before = await page.evaluate(() => caches.keys());
    const version = JSON.parse(readFileSync(join(site, "data/dataset.json"), "utf8")).meta.dataset_version;
    assert.equal(await page.textContent("[data-dataset-version]"), version);

    // Publish a release with new data and a new worker (as a new build would).
    const data = JSON.parse(readFileSync(join(site, "data/dataset.json"), "utf8"));
    data.meta.dataset_version = "99.0.0";
    writeFileSync(join(site, "data/dataset.json"), JSON.stringify(data));
    rmSync(join(site, "data/dataset.json.br"));
    rmSync(join(site, "data/dataset.json.gz"));
    // A new build bakes its pages from the new data too.
    const sources = join(site, "en/sources/index.html");
    const baked = readFileSync(sources, "utf8");
    const rebaked = baked.replace(/(data-dataset-version[^>]*>)[^<]+</, "$199.0.0<");
    assert.notEqual(rebaked, baked, "the page names the dataset's version");
    writeFileSync(sources, rebaked);
    rmSync(`${sources}.br`, { force: true });
    rmSync(`${sources}.gz`, { force: true });
    // The built worker is minified: `const RELEASE="…"`.
    const built = readFileSync(join(site, "sw.js"), "utf8");
    const worker = built.replace(/const RELEASE\s*=\s*"[^"]+"/, 'const RELEASE = "next"');
    assert.notEqual(worker, built, "the worker names its release");
    writeFileSync(join(site, "sw.js"), worker);
    rmSync(join(site, "sw.js.br"), { force: true });
    rmSync(join(site, "sw.js.gz"), { force: true });

    await page.reload();
    await ready(page);
    await until(page, async () => {
      const names = await caches.keys();
      return names.length === 1 && names[0] === "cca-explorer-next";
    });
    assert.notDeepEqual(await page.evaluate(() => caches.keys()), before);
    await page.reload();
    await ready(page);
    assert.equal(await page.textContent("[data-dataset-version]"), "99.0.0");
    // Offline, the new release answers, not a mix with the old.
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.equal(await page.textContent("[data-dataset-version]"), "99.0.0");
    await context.close();
  });

  it("leaves an embed in another site working, the worker installed or not", async () => {
    const { context, page } = await firstVisit("en/");
    const fact = JSON.parse(readFileSync(join(site, "data/dataset.json"), "utf8")).figures[0].id;
    // A host page on another origin (another port) that embeds a fact card.
    const host = createServer((req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(
        `<!DOCTYPE html><title>host</title><iframe src="${origin}en/facts/${fact}/?embed=1" ` +
          `sandbox="allow-scripts allow-same-origin" style="width:100%;height:300px"></iframe>`,
      ),
    );
    await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
    try {
      await page.goto(`http://127.0.0.1:${host.address().port}/`);
      const frame = await (await page.waitForSelector("iframe")).contentFrame();
      await frame.waitForSelector(READY, { state: "attached", timeout: 15000 });
      // Here the host is on the same site (another port of 127.0.0.1), so the worker the
      // visit installed answers the frame's requests too, and the card still works.
      assert.ok(await frame.isVisible(".fact-value"));
      // And for a reader who never visited the explorer: no worker at all.
      const fresh = await browser.newContext({ serviceWorkers: "block" });
      try {
        const hostPage = await fresh.newPage();
        await hostPage.goto(`http://127.0.0.1:${host.address().port}/`);
        const framed = await (await hostPage.waitForSelector("iframe")).contentFrame();
        await framed.waitForSelector(READY, { state: "attached", timeout: 15000 });
        assert.ok(await framed.isVisible(".fact-value"));
        assert.equal(await framed.evaluate(() => navigator.serviceWorker?.controller ?? null), null, "no worker");
      } finally {
        await fresh.close();
      }
    } finally {
      await new Promise((ok) => host.close(ok));
      await context.close();
    }
  });
});
