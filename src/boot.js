// The page's loader, written by the build (src/bake.rs fills in the app's module and
// wasm names, and the scripts the module imports, fetched beside it rather than after
// it). A page is whole as baked: links are links, folds are `<details>`, a chart's table
// is in the page. What its controls do, this script does without the app: the theme
// switch, links that keep the reader's settings (theme, frame) as the app's do, copy
// buttons, a chart's table and files (its points are links), the map's list of
// indicators (a choice opens that indicator's page), the download notice.
//
// A page may also have islands: small wasm modules of their own that make a part of the
// baked page live without the app (src/islands/). One named by `<meta name="island">`
// (Explore's search, facets, list and selection's file) starts at once; one named by
// `<meta name="island-on-use">` (the embed dialog) on the first use of its button
// (`[data-island-use]`).
//
// `early.js` has said whether the app starts (`<html data-start>`): "load" where the
// baked page is not all the address shows (a query no page is baked for, a page the
// service worker gave for another address): the app starts once the page has loaded
// and takes it over; `early.js` has asked, at low priority, for what the page names in
// its `app-preload` tags, so they are mostly here by then. Otherwise "demand": the app
// does not start (the browser tests start it with the `cca-explorer-start` event).
const html = document.documentElement;
const SETTINGS = ["theme", "embed", "transparent"];
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
const ISLAND_USE = "[data-island-use]";

// The app could not start: the page says so, in view, and stays as baked (a reload
// once online tries again).
// A baked notice shown as an alert; `focus` brings it into view and gives it the focus.
const reveal = (selector, { focus = false } = {}) => {
  const notice = document.querySelector(selector);
  if (!notice) return;
  notice.setAttribute("role", "alert");
  notice.removeAttribute("hidden");
  if (!focus) return;
  notice.setAttribute("tabindex", "-1");
  notice.scrollIntoView({ block: "nearest" });
  notice.focus({ preventScroll: true });
};
const showFailure = () => {
  html.setAttribute("data-start", "failed");
  reveal("[data-start-failed]", { focus: true });
};

// A copy button (`data-copy`: its field's id; a citation's, the embed snippet's), with
// the app or without: the field's text to the clipboard, or, where the clipboard cannot
// be used (a sandboxed frame, an insecure context), the text selected
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

// The address's query in the app's order (src/url_state.rs, `Route::query`).
// These are also the keys links carry from the address (the settings and the table).
const QUERY_ORDER = ["theme", "tab", "embed", "transparent"];
const ordered = (params) => {
  const rank = (key) => (QUERY_ORDER.includes(key) ? QUERY_ORDER.indexOf(key) : QUERY_ORDER.length);
  const kept = [...params].sort((a, b) => rank(a[0]) - rank(b[0]));
  return kept.length ? `?${new URLSearchParams(kept)}` : "";
};
// A link of the page with the reader's settings from the address: the theme
// everywhere, the frame (`embed`, `transparent`) except on links that open a new tab
// (the full view), and a chart's table (`tab`) on the links to this page in another
// language. The rest of the link stays as written, relative.
const withSettings = (href, { newTab = false, samePage = false } = {}) => {
  const here = new URLSearchParams(location.search);
  const [, path, query = "", hash = ""] = href.match(/^([^?#]*)(\?[^#]*)?(#.*)?$/);
  const params = new URLSearchParams(query);
  for (const key of QUERY_ORDER) {
    const kept = key === "tab" ? samePage : key === "theme" || !newTab;
    const value = kept ? here.get(key) : null;
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return `${path}${ordered(params)}${hash}`;
};
const keepSettings = () => {
  for (const link of document.querySelectorAll("#app a[href]")) {
    const href = link.getAttribute("href");
    // Another site, or a place in this page.
    if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(href)) continue;
    // A file (a download, the host script) is no page: it keeps its address.
    if (link.hasAttribute("download") || !/(^|\/)$/.test(href.split(/[?#]/)[0])) continue;
    const newTab = link.getAttribute("target") === "_blank";
    link.setAttribute("href", withSettings(href, { newTab, samePage: !!link.closest("[data-switch=lang]") }));
  }
};
// Whether the address holds a setting the baked links lack.
const hasSettings = () => QUERY_ORDER.some((key) => new URLSearchParams(location.search).has(key));

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
// A page opened to go on in one of its fields (`#search` from the `/` key, the map's
// list after a choice from it): the field has the focus, and the address no fragment.
// (Our own fragments are plain ids: no decoding, which a malformed one would fail.)
const arrivedAt = location.hash && document.getElementById(location.hash.slice(1));
if (arrivedAt && arrivedAt.matches("input, select")) {
  arrivedAt.focus();
  history.replaceState(history.state, "", location.pathname + location.search);
}

// A chart's table, before the app as in it: on a chart's own page the choice is part of
// the address (`?tab=table`, which `early.js` shows from the first paint as
// `<html data-tab=table>`), elsewhere each chart's own (`data-show-table`). Both are
// baked; the stylesheet shows one.
const TABLE_TOGGLE = ".chart [data-action=table]";
const showTable = (shown) => (shown ? html.setAttribute("data-tab", "table") : html.removeAttribute("data-tab"));
const showTab = () => showTable(new URLSearchParams(location.search).get("tab") === "table");
const toggleTable = (button) => {
  const chart = button.closest(".chart");
  if (!chart.closest(".chart-page")) return chart.toggleAttribute("data-show-table");
  const params = new URLSearchParams(location.search);
  if (params.get("tab") === "table") params.delete("tab");
  else params.set("tab", "table");
  try {
    history.pushState(null, "", `${location.pathname}${ordered(params)}`);
  } catch (e) {
    // A frame whose address cannot be written: the table is shown all the same.
    return showTable(!html.hasAttribute("data-tab"));
  }
  showTab();
  keepSettings();
};

// A chart's files (SVG, PNG, CSV), with the app or without: the build wrote each
// chart's SVG and CSV (the button's `data-file`, relative to the page) with a slot for
// the address they name as their source, which only the browser knows: the chart's
// own page (`data-page`) at this site's address (src/chart/file.rs). PNG is the SVG
// drawn at twice its size. A failure is said on the page (`[data-download-failed]`).
const DOWNLOAD = ".chart [data-download][data-file]";
// The slots the build writes for what only the browser knows (src/export.rs).
const ADDRESS_SLOT = "⟨address⟩";
const ACCESSED_SLOT = "⟨accessed⟩";
const xmlText = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
// One CSV field, as the build writes them (src/export.rs, `field`).
const csvField = (text) => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[,"\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};
// A file's SVG with its address on lines that fit the picture: the build laid it out
// for the slot, one line of a caption (src/chart/svg.rs, `frame`), and an address is
// often longer. It is the picture's last text: its further lines go below, and the
// picture grows to hold them.
const CAPTION_LINE = 18;
// (Read and written as text: a parsed document's stylesheet would break the page's CSP.)
const svgWithAddress = (text, address) => {
  const slot = text.match(/<text class="caption" x="([\d.]+)" y="([\d.]+)">⟨address⟩<\/text>/);
  const size = text.match(/^<svg [^>]*?viewBox="0 0 ([\d.]+) ([\d.]+)"/);
  if (!slot || !size) return text.replaceAll(ADDRESS_SLOT, xmlText(address));
  const measure = document.createElement("canvas").getContext("2d");
  measure.font = `13px ${text.match(/text\{font-family:([^;}]+)/)?.[1] ?? "sans-serif"}`;
  const [x, y, width, height] = [slot[1], slot[2], size[1], size[2]].map(Number);
  // Broken after a `/` where the line has one, else where it is full.
  const lines = [""];
  for (const c of address) {
    const line = lines.at(-1);
    if (line && measure.measureText(line + c).width > width - 2 * x) {
      const cut = line.lastIndexOf("/") + 1;
      if (cut > 0 && cut < line.length) lines.splice(-1, 1, line.slice(0, cut), line.slice(cut));
      else lines.push("");
    }
    lines[lines.length - 1] += c;
  }
  const drawn = lines.map((line, i) => `<text class="caption" x="${x}" y="${y + i * CAPTION_LINE}">${xmlText(line)}</text>`);
  const grown = height + (lines.length - 1) * CAPTION_LINE;
  return text
    .replace(slot[0], drawn.join(""))
    .replace(`viewBox="0 0 ${size[1]} ${size[2]}" width="${size[1]}" height="${size[2]}"`, `viewBox="0 0 ${size[1]} ${grown}" width="${size[1]}" height="${grown}"`)
    .replace(`<rect width="${size[1]}" height="${size[2]}" fill="#fff"/>`, `<rect width="${size[1]}" height="${grown}" fill="#fff"/>`);
};
const saveBlob = (blob, name) => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
const drawPng = (svg) =>
  new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth * 2;
      canvas.height = image.naturalHeight * 2;
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((png) => (png ? resolve(png) : reject(new Error("no PNG"))), "image/png");
    };
    image.onerror = () => (URL.revokeObjectURL(url), reject(new Error("the SVG did not load")));
    image.src = url;
  });
const download = async (button) => {
  const chart = button.closest(".chart");
  const kind = button.dataset.download;
  button.setAttribute("aria-busy", "true");
  try {
    const response = await fetch(new URL(button.dataset.file, document.baseURI));
    if (!response.ok) throw new Error(`${response.status} ${response.url}`);
    // The CSV's byte-order mark stays (spreadsheets read the file as UTF-8 by it).
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const address = new URL(chart.dataset.page, document.baseURI).href;
    const name = `${chart.dataset.chart}.${kind}`;
    if (kind === "csv") {
      const csv = text.replaceAll(ADDRESS_SLOT, csvField(address));
      return saveBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), name);
    }
    const svg = svgWithAddress(text, address);
    saveBlob(kind === "png" ? await drawPng(svg) : new Blob([svg], { type: "image/svg+xml" }), name);
  } catch (error) {
    console.warn("download failed:", error);
    reveal("[data-download-failed]");
  } finally {
    button.removeAttribute("aria-busy");
  }
};
// The dataset's citation names this site's address and the day it is read: the build
// wrote slots for them, filled in here (`data-fill-in`: the site's root, relative to the
// page), each in its style's form (the field's id ends in
// `-<style>-<language>`): APA writes the day out, BibTeX escapes the address.
const bibEscape = (text) => text.replace(/[{}\\%&$#_]/g, "\\$&");
const fillIn = (box) => {
  const now = new Date();
  const site = new URL(box.dataset.fillIn, document.baseURI).href;
  for (const field of box.querySelectorAll("textarea[id]")) {
    const [, style, lang] = field.id.match(/-([a-z0-9]+)-(zh|en)$/) ?? [];
    const day =
      style === "apa"
        ? new Intl.DateTimeFormat(lang === "en" ? "en-US" : "zh-CN", { dateStyle: "long", timeZone: "UTC" }).format(now)
        : now.toISOString().slice(0, 10);
    const address = style === "bibtex" ? bibEscape(site) : site;
    field.value = field.value.replaceAll(ADDRESS_SLOT, address).replaceAll(ACCESSED_SLOT, day);
  }
};
// The baked boxes at once (they are shut: nothing shows until then); one the app draws
// later, when it is opened.
for (const box of document.querySelectorAll("[data-fill-in]")) fillIn(box);
document.addEventListener(
  "toggle",
  (event) => {
    const box = event.target;
    if (box instanceof HTMLDetailsElement && box.open && box.matches("[data-fill-in]")) fillIn(box);
  },
  true,
);

// Whether the app runs or not: a citation's copy button, a chart's files, and the
// download notice's button.
document.addEventListener(
  "click",
  (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const copy = target?.closest(COPY);
    if (copy) return event.preventDefault(), event.stopImmediatePropagation(), copyField(copy);
    const file = target?.closest(DOWNLOAD);
    if (file) return event.preventDefault(), event.stopImmediatePropagation(), download(file);
    const dismiss = target?.closest("[data-download-failed] [data-dismiss]");
    if (dismiss) event.preventDefault(), dismiss.closest("[data-download-failed]").setAttribute("hidden", "");
  },
  true,
);

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
// The first use of an island's button (later uses go to the island's own listeners).
const useIsland = (opener, event) => {
  const island = islandOnUse(opener.dataset.islandUse);
  if (!island || island.state === "live") return;
  event.preventDefault();
  event.stopImmediatePropagation();
  if (html.getAttribute("data-start") === "failed") return showFailure();
  if (island.state === "starting") return;
  island.state = "starting";
  opener.setAttribute("aria-busy", "true");
  island
    .start()
    .then(() => (island.state = "live"))
    .catch(() => ((island.state = "idle"), showFailure()))
    .finally(() => opener.removeAttribute("aria-busy"));
};

const islandMeta = document.querySelector("meta[name=island]");
if (islandMeta && html.getAttribute("data-start") !== "load") {
  const part = document.querySelector(`[data-island="${islandMeta.content}"]`);
  if (part && hasSettings()) {
    new MutationObserver(keepSettings).observe(part, { childList: true, subtree: true });
  }
  startIsland(islandMeta)
    .catch(showFailure)
    .finally(() => html.removeAttribute("data-island-pending"));
}

// The app could not start (its code, or its data, at load): the page says so. The app
// marks the second itself (src/views/start.rs).
const failure = new MutationObserver(() => {
  if (html.getAttribute("data-start") !== "failed") return;
  failure.disconnect();
  showFailure();
});
failure.observe(html, { attributes: true, attributeFilter: ["data-start"] });
const startApp = () => start().catch(showFailure);
if (html.getAttribute("data-start") === "load") {
  if (document.readyState === "complete") startApp();
  else addEventListener("load", startApp, { once: true });
}

// The page's controls, until the app runs (on a page that starts it at load: meanwhile,
// and for good if it cannot start).
// The baked switch shows the default theme; the address may name another.
showTheme(themeOf(location.search));
if (hasSettings()) keepSettings();
document.addEventListener(
  "click",
  (event) => {
    if (live() || !(event.target instanceof Element)) return;
    const theme = event.target.closest(THEME);
    if (theme) return event.preventDefault(), chooseTheme(theme.dataset.option);
    const table = event.target.closest(TABLE_TOGGLE);
    if (table) return event.preventDefault(), event.stopImmediatePropagation(), toggleTable(table);
    const opener = event.target.closest(ISLAND_USE);
    if (opener) useIsland(opener, event);
  },
  true,
);
// The pointer or the focus on an island's button fetches its files ahead of its use.
const ahead = (event) => {
  const opener = !live() && event.target instanceof Element ? event.target.closest(ISLAND_USE) : null;
  if (opener) islandOnUse(opener.dataset.islandUse)?.ahead();
};
addEventListener("pointerover", ahead, true);
addEventListener("focusin", ahead, true);

// The map's list of indicators: a choice opens that indicator's page (`data-href`),
// where the list has the focus again. A choice made with the pointer opens it at once;
// one made with the keyboard (arrow keys change a closed list in some browsers) on Enter
// or when the list loses the focus, not at each key.
const LIST = "select[id]";
const openChoice = (list) => {
  const chosen = list.selectedOptions[0];
  if (live() || !chosen?.dataset.href || chosen.defaultSelected) return;
  location.assign(`${withSettings(chosen.dataset.href)}#${list.id}`);
};
const listOf = (target) => (target instanceof HTMLSelectElement && target.matches(LIST) ? target : null);
let pointed = null;
document.addEventListener("pointerdown", (event) => (pointed = listOf(event.target)), true);
document.addEventListener(
  "keydown",
  (event) => {
    const list = listOf(event.target);
    if (list && event.key === "Enter") openChoice(list);
  },
  true,
);
document.addEventListener(
  "change",
  (event) => {
    const list = listOf(event.target);
    if (!list || live() || !list.selectedOptions[0]?.dataset.href) return;
    event.stopImmediatePropagation();
    if (pointed === list) openChoice(list);
  },
  true,
);
document.addEventListener("focusout", (event) => listOf(event.target) && openChoice(event.target), true);
// Back to a page kept by the browser: its list shows the page's indicator again.
addEventListener("pageshow", (event) => {
  if (!event.persisted) return;
  for (const list of document.querySelectorAll(LIST)) {
    const baked = [...list.options].find((option) => option.defaultSelected);
    if (baked) list.value = baked.value;
  }
});

addEventListener("popstate", () => {
  if (!live()) showTheme(themeOf(location.search)), showTab(), keepSettings();
});
// Starts the app: for the browser tests of what the app does once it runs on a page
// that does not need it (e2e/harness.mjs, `start`).
addEventListener("cca-explorer-start", startApp);
// The benchmark's readiness on such a page (scripts/bench/loads.mjs).
if (html.getAttribute("data-start") !== "load") performance.mark("controls-ready");
