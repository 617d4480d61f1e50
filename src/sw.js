// The explorer's service worker, written into each build by the bake (src/bake.rs),
// which fills in RELEASE, PRECACHE, HASHED, PAGES and NOT_FOUND. After one visit the
// site opens and works with the network off.
//
// - Each release's files are cached together, in a cache named after the release; on
//   activation every other release's cache is deleted.
// - Files whose names carry a content hash never change: they are served from the cache
//   first. Everything else (pages, the data, unhashed scripts) comes from the network
//   first, so an online visit always gets the newest release whole, and from the cache
//   only when the network fails. A page never visited is answered offline with a cached
//   page of its language; the app then draws the view its address names. An address
//   that is no page of the site gets the 404 page, as a host would answer it online.
// - Only GET requests to this site, below this worker's folder, are touched: requests to
//   other origins pass by untouched.
const RELEASE = "__RELEASE__";
const PRECACHE = __PRECACHE__;
// The files of PRECACHE whose names carry a content hash.
const HASHED = new Set(__HASHED__);
// The file that lists every page of the site (in PRECACHE; read offline only, so the
// list is no part of this worker, which every visit fetches), and the 404 page.
const PAGES = "__PAGES__";
const NOT_FOUND = "__NOT_FOUND__";
const CACHE = `cca-explorer-${RELEASE}`;
const scope = new URL(self.registration.scope);

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith("cca-explorer-") && n !== CACHE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

/**
 * A cached page with a `<base>` at its head, so that its relative addresses find the
 * site's files from the folder of the address it answers.
 */
async function withBase(cached, base, attributes, status) {
  const html = (await cached.text()).replace("<head>", `<head><base href="${base}"${attributes}>`);
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8" } });
}

/**
 * For a navigation the network cannot answer and the cache does not hold: for a page of
 * the site, the cached overview of its language (or the root page), with a
 * `<base data-shell>`; the app removes that base when it starts (views/start.rs) and
 * draws the view the address names. A folder's address without its final slash goes to
 * the folder, and anything else gets the 404 page with the site's root as its base, as
 * a static host does online.
 */
async function offline(url) {
  const page = url.pathname.slice(scope.pathname.length).replace(/(^|\/)index\.html$/, "$1");
  const list = await caches.match(new URL(PAGES, scope).href, { cacheName: CACHE });
  const pages = new Set(list ? await list.json() : []);
  if (pages.has(`${page}/`)) return Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301);
  if (!pages.has(page)) {
    const cached = await caches.match(new URL(NOT_FOUND, scope).href, { cacheName: CACHE });
    return cached && withBase(cached, scope.pathname, "", 404);
  }
  const lang = (page.match(/^(?:zh|en|both)\//) || [""])[0];
  const cached = await caches.match(new URL(lang, scope).href, { cacheName: CACHE, ignoreSearch: true });
  return cached && withBase(cached, new URL(lang, scope).pathname, " data-shell", 200);
}

/**
 * Keeps a copy of a response in this release's cache. The write belongs to the fetch
 * event's lifetime (`waitUntil`), so the browser does not stop the worker before it is
 * done.
 */
function keep(event, response) {
  if (!response.ok) return;
  const copy = response.clone();
  event.waitUntil(caches.open(CACHE).then((cache) => cache.put(event.request, copy)));
}

async function networkFirst(event, url) {
  const request = event.request;
  try {
    const response = await fetch(request);
    keep(event, response);
    return response;
  } catch (error) {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const page = await offline(url);
      if (page) return page;
    }
    throw error;
  }
}

async function cacheFirst(event) {
  const cached = await caches.match(event.request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(event.request);
  keep(event, response);
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const hashed = HASHED.has(url.pathname.slice(scope.pathname.length));
  event.respondWith(hashed ? cacheFirst(event) : networkFirst(event, url));
});
