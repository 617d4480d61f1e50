// The app's loader, written by the build (src/bake.rs fills in the module's and the
// wasm's names, and the scripts the module imports, fetched beside it rather than after
// it). `early.js` has said when the app starts (`<html data-start>`):
//
// - "load": once the page has loaded (addresses whose query the baked page does not
//   show, a page the service worker gave for another address). `early.js` has asked, at
//   low priority, for what the page names in its `app-preload` tags, so they are mostly
//   here by then.
// - "demand": on the reader's first use of a control that needs code (a button, a point
//   of a chart, a fold written when opened, a list that changes the page). Until then
//   the page is its baked HTML, which is whole: links are links, folds are `<details>`.
//   The first use shows that it is under way at once (`aria-busy`, `data-start=starting`),
//   starts the app, which takes over the page, and is then done again on the same
//   control of the app's page. Three things work without the app: the theme switch,
//   the citations' copy buttons, and links that keep the reader's settings (theme,
//   frame) as the app's links do.
//
// A page may also have islands: small wasm modules of their own that make a part of the
// baked page live without the app (src/islands/). One named by `<meta name="island">`
// (Explore's search, facets and list) starts at once; one named by `<meta
// name="island-on-use">` (the embed dialog) on the first use of its button
// (`[data-island-use]`), unless the app is starting already. Their controls
// (`[data-island]`, and those in an island's dialog) never start the app.
const html = document.documentElement;
const SETTINGS = ["theme", "embed", "transparent"];
// What needs the app, in a page not yet taken over. Links and plain folds do not.
const ACTIONS = "button, [data-live] [data-figure], details[data-live] > summary";
const THEME = "[data-switch=theme] [data-option]";

let started = null;
const start = () =>
  (started ??= (async () => {
    const [bindings] = await Promise.all(["__MODULE__", ...__ALSO__].map((m) => import(m)));
    const wasm = await bindings.default({ module_or_path: new URL("__WASM__", import.meta.url) });
    window.wasmBindings = bindings;
    dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
  })());

const live = () => html.hasAttribute("data-app");
// Asks for a file ahead of its use (`preload`, as a fetch, or `modulepreload`).
const ask = (href, rel) => {
  const link = document.createElement("link");
  link.rel = rel;
  if (rel === "preload") link.as = "fetch";
  link.crossOrigin = "anonymous";
  link.href = href;
  document.head.append(link);
};
const ISLAND_CONTROL = "[data-island]";
const inIsland = (control) => control.matches(ISLAND_CONTROL) || !!control.closest("dialog[data-island]");
const ISLAND_USE = "[data-island-use]";

// The way from `#app` to an element (child indices): the app draws the same page, so the
// same way leads to the same control in it.
const pathOf = (element) => {
  const app = document.getElementById("app");
  const steps = [];
  let at = element;
  for (; at && at !== app; at = at.parentElement) steps.unshift([...at.parentElement.children].indexOf(at));
  return at ? steps : null;
};
const atPath = (steps) =>
  steps.reduce((at, i) => at && at.children[i], document.getElementById("app"));

// The app could not start: the page says so, in view, and stays as baked (a reload
// once online tries again).
const showFailure = () => {
  html.setAttribute("data-start", "failed");
  const notice = document.querySelector("[data-start-failed]");
  if (!notice) return;
  notice.setAttribute("role", "alert");
  notice.setAttribute("tabindex", "-1");
  notice.removeAttribute("hidden");
  notice.scrollIntoView({ block: "nearest" });
  notice.focus({ preventScroll: true });
};

// The uses of controls while the app starts: the first starts it; each is shown at once
// and done again, in order, on the app's page once the control is there (a fold's content
// may be drawn a moment after the take-over). A control used twice meanwhile is done once.
const waiting = [];
const wait = (control, again) => {
  const steps = pathOf(control);
  control.setAttribute("aria-busy", "true");
  if (!waiting.some((use) => use.control === control)) waiting.push({ control, steps, again });
};
const replay = ({ control, steps, again }, tries) => {
  const target = steps && atPath(steps);
  if (target && target.tagName === control.tagName) again(target);
  else if (tries > 0) setTimeout(replay, 100, { control, steps, again }, tries - 1);
};
let woken = false;
const wake = () => {
  woken = true;
  html.setAttribute("data-start", "starting");
  const failed = () => {
    for (const { control } of waiting.splice(0)) control.removeAttribute("aria-busy");
    showFailure();
  };
  const watch = new MutationObserver(() => {
    if (html.getAttribute("data-start") === "failed") return watch.disconnect(), failed();
    if (!live()) return;
    watch.disconnect();
    html.setAttribute("data-start", "done");
    for (const use of waiting.splice(0)) replay(use, 50);
  });
  watch.observe(html, { attributes: true, attributeFilter: ["data-app", "data-start"] });
  start().catch(() => (watch.disconnect(), failed()));
};

// A use of a control before the app: once the app failed to start, the failure shown
// again; otherwise it waits for the app, which the first such use starts.
const use = (control, again) => {
  if (html.getAttribute("data-start") === "failed") return showFailure();
  wait(control, again);
  if (!woken) wake();
};

// A citation's copy button (`data-copy`: its field's id) works without the app, as the
// app's does (src/views/clipboard.rs): the field's text to the clipboard, or, where the
// clipboard cannot be used (a sandboxed frame, an insecure context), the text selected
// for the reader to copy by hand; the status beside the button says which.
const COPY = "[data-copy]";
const copyField = async (button) => {
  const field = document.getElementById(button.dataset.copy);
  if (!field) return;
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch (e) {
    field.select();
    field.focus();
  }
  const status = button.parentElement.querySelector("[data-copy-status]");
  if (status) status.textContent = copied ? button.dataset.copied : button.dataset.copyByHand;
};

// Links keep the reader's settings from the address: the theme everywhere, the frame
// (`embed`, `transparent`) except on links that open a new tab (the full view). The
// rest of each link stays as baked, relative.
const keepSettings = () => {
  const here = new URLSearchParams(location.search);
  for (const link of document.querySelectorAll("#app a[href]")) {
    const href = link.getAttribute("href");
    // Another site, or a place in this page.
    if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) continue;
    const [, path, query = "", hash = ""] = href.match(/^([^?#]*)(\?[^#]*)?(#.*)?$/);
    // A file (a download, the host script) is no page: it keeps its address.
    if (link.hasAttribute("download") || !/(^|\/)$/.test(path)) continue;
    const params = new URLSearchParams(query);
    for (const key of SETTINGS) {
      const value = key !== "theme" && link.target === "_blank" ? null : here.get(key);
      if (value) params.set(key, value);
      else params.delete(key);
    }
    const kept = params.toString();
    link.setAttribute("href", `${path}${kept ? `?${kept}` : ""}${hash}`);
  }
};

// The theme switch, before the app: the page's theme, the switch's state, the address
// (a history entry, as the app makes) and the links.
const showTheme = (code) => {
  html.setAttribute("data-theme", code);
  for (const option of document.querySelectorAll(THEME)) {
    option.setAttribute("aria-pressed", String(option.dataset.option === code));
  }
};
const themeOf = (search) => {
  const theme = new URLSearchParams(search).get("theme");
  return theme === "light" || theme === "dark" ? theme : "auto";
};
const chooseTheme = (code) => {
  const url = new URL(location.href);
  if (code === "auto") url.searchParams.delete("theme");
  else url.searchParams.set("theme", code);
  if (url.href !== location.href) history.pushState(null, "", url.href);
  showTheme(code);
  keepSettings();
};

// `/` outside a text field goes to the search field, before the app as the app does
// once live: on Explore's page the baked field (what is typed there is kept by the
// app), elsewhere Explore's page, which focuses its field on arrival (`#search`).
const SEARCH = "search";
addEventListener("keydown", (event) => {
  const typing = event.target instanceof Element && event.target.closest("input, textarea, select");
  if (live() || event.key !== "/" || typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const field = document.getElementById(SEARCH);
  const link = document.querySelector("a[aria-keyshortcuts='/']");
  if (!field && !link) return;
  event.preventDefault();
  if (field) field.focus();
  else location.href = `${link.href.split("#")[0]}#${SEARCH}`;
});
if (location.hash === `#${SEARCH}` && document.getElementById(SEARCH)) {
  document.getElementById(SEARCH).focus();
  history.replaceState(history.state, "", location.pathname + location.search);
}

// The page's island: its script and wasm (named relative to the page), then its
// `start`, which makes the baked part live. Until then, and if it cannot start, the
// part is as baked; a failure is said on the page as the app's is. Rows it adds to the
// page keep the reader's settings in their links, as the baked ones do.
// Once live, it is announced with its exports (the benchmark reads its memory) and
// marked for the benchmark's readiness (scripts/bench/loads.mjs).
const islandFile = (meta, attr) => new URL(meta.getAttribute(attr), document.baseURI).href;
const runIsland = async (meta) => {
  const island = await import(islandFile(meta, "data-module"));
  const wasm = await island.default({ module_or_path: islandFile(meta, "data-wasm") });
  await island.start();
  return wasm;
};
const startIsland = async (meta) => {
  const wasm = await runIsland(meta);
  performance.mark("island-ready");
  dispatchEvent(new CustomEvent("cca-explorer-island", { detail: { wasm } }));
};
// An island started on the first use of its button: the use is shown at once
// (`aria-busy`), and done by the island's `start` (it opens its dialog); later uses go to
// the island's own listeners. Its files are fetched ahead when the pointer or the focus
// reaches the button.
const onUse = new Map();
const islandOnUse = (name) => {
  const meta = [...document.querySelectorAll("meta[name=island-on-use]")].find((m) => m.content === name);
  if (!meta) return null;
  if (!onUse.has(name)) {
    let ahead = false;
    onUse.set(name, {
      state: "idle",
      ahead() {
        if (ahead) return;
        ahead = true;
        ask(islandFile(meta, "data-module"), "modulepreload");
        ask(islandFile(meta, "data-wasm"), "preload");
      },
      start: () => runIsland(meta),
    });
  }
  return onUse.get(name);
};
// Whether the island takes the use: not if the page names no such island (the app does
// it then, as any control's use).
const useIsland = (opener, event) => {
  const island = islandOnUse(opener.dataset.islandUse);
  if (!island) return false;
  if (island.state === "live") return true;
  event.preventDefault();
  event.stopImmediatePropagation();
  if (html.getAttribute("data-start") === "failed") return showFailure(), true;
  if (island.state === "starting") return true;
  island.state = "starting";
  opener.setAttribute("aria-busy", "true");
  island
    .start()
    .then(() => (island.state = "live"))
    .catch(() => ((island.state = "idle"), showFailure()))
    .finally(() => opener.removeAttribute("aria-busy"));
  return true;
};

const islandMeta = document.querySelector("meta[name=island]");
if (islandMeta && html.getAttribute("data-start") !== "load") {
  const part = document.querySelector(`[data-island="${islandMeta.content}"]`);
  if (part && SETTINGS.some((key) => new URLSearchParams(location.search).has(key))) {
    new MutationObserver(keepSettings).observe(part, { childList: true, subtree: true });
  }
  startIsland(islandMeta)
    .catch(showFailure)
    .finally(() => html.removeAttribute("data-island-pending"));
}

if (html.getAttribute("data-start") === "load") {
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
} else {
  // The baked switch shows the default theme; the address may name another.
  showTheme(themeOf(location.search));
  if (SETTINGS.some((key) => new URLSearchParams(location.search).has(key))) keepSettings();
  document.addEventListener(
    "click",
    (event) => {
      if (live() || !(event.target instanceof Element)) return;
      const theme = event.target.closest(THEME);
      if (theme) return event.preventDefault(), chooseTheme(theme.dataset.option);
      const copy = event.target.closest(COPY);
      if (copy) return event.preventDefault(), event.stopImmediatePropagation(), copyField(copy);
      const opener = event.target.closest(ISLAND_USE);
      if (opener && !woken && useIsland(opener, event)) return;
      const control = event.target.closest(ACTIONS);
      if (!control || !control.closest("#app") || inIsland(control)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      use(control, (again) => {
        if (again.click) again.click();
        else again.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
      });
    },
    true,
  );
  // The pointer or the focus on such a control fetches the app's files ahead of its
  // use (the files the page names in its `app-preload` tags, as `early.js` does for a
  // page that starts the app at load), so the use itself waits less.
  const ahead = (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const skip = `${THEME}, ${COPY}, ${ISLAND_CONTROL}, dialog[data-island]`;
    if (live() || !target?.closest(`${ACTIONS}, select`) || target.closest(skip)) return;
    // An island's button: that island's files, not the app's.
    const island = target.closest(ISLAND_USE) && islandOnUse(target.closest(ISLAND_USE).dataset.islandUse);
    if (island) return island.ahead();
    removeEventListener("pointerover", ahead, true);
    removeEventListener("focusin", ahead, true);
    for (const wanted of document.querySelectorAll("meta[name=app-preload]")) ask(wanted.content, "preload");
  };
  addEventListener("pointerover", ahead, true);
  addEventListener("focusin", ahead, true);
  // A chart's point opened with Enter (its drawing's keyboard handler).
  document.addEventListener(
    "keydown",
    (event) => {
      if (live() || event.key !== "Enter" || !(event.target instanceof Element)) return;
      const point = event.target.closest("[data-live] [data-figure]");
      if (!point) return;
      event.preventDefault();
      use(point, (again) => again.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true })));
    },
    true,
  );
  // A list that changes the page (the map's indicator).
  document.addEventListener(
    "change",
    (event) => {
      const list = event.target;
      if (live() || !(list instanceof HTMLSelectElement) || !list.closest("#app") || inIsland(list)) return;
      event.stopImmediatePropagation();
      const value = list.value;
      use(list, (again) => {
        again.value = value;
        again.dispatchEvent(new Event("change", { bubbles: true }));
      });
    },
    true,
  );
  addEventListener("popstate", () => {
    if (!live()) showTheme(themeOf(location.search)), keepSettings();
  });
  // Starts the app without a first use: for the browser tests of what the app does
  // once it runs on such a page (e2e/harness.mjs, `start`).
  addEventListener("cca-explorer-start", start);
  // The benchmark's readiness on such a page (scripts/bench/loads.mjs).
  performance.mark("controls-ready");
}
