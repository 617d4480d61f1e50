// The explorer's service worker, written into each build by the bake (src/bake.rs),
// which fills in RELEASE and PRECACHE. After one visit the site opens and works with the
// network off.
//
// - Each release's files are cached together, in a cache named after the release; on
//   activation every other release's cache is deleted.
// - Files whose names carry a content hash never change: they are served from the cache
//   first. Everything else (pages, the data, unhashed scripts) comes from the network
//   first, so an online visit always gets the newest release whole, and from the cache
//   only when the network fails. A page never visited is answered offline with a cached
//   page of its language; the app then draws the view its address names.
// - Only GET requests to this site, below this worker's folder, are touched: requests to
//   other origins pass by untouched.
const RELEASE = "__RELEASE__";
const PRECACHE = __PRECACHE__;
const CACHE = `cca-explorer-${RELEASE}`;
// Trunk's hashes drop leading zeros, hence 8 to 16 digits.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;
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
 * For a page never visited, the cached overview of its language (or the root page),
 * with a `<base data-shell>` so that its relative addresses still find the app's files
 * from a deeper folder; the app removes that base when it starts (views/start.rs) and
 * draws the view the address names.
 */
async function shell(url) {
  const rest = url.pathname.slice(scope.pathname.length);
  const lang = rest.startsWith("en/") ? "en/" : rest.startsWith("zh/") ? "zh/" : "";
  const cached = await caches.match(new URL(lang, scope).href, { cacheName: CACHE, ignoreSearch: true });
  if (!cached) return undefined;
  const base = new URL(lang, scope).pathname;
  const html = (await cached.text()).replace("<head>", `<head><base href="${base}" data-shell>`);
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const copy = response.clone();
      caches.open(CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch (offline) {
    const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: request.mode === "navigate" });
    if (cached) return cached;
    if (request.mode === "navigate") {
      const page = await shell(url);
      if (page) return page;
    }
    throw offline;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request, url));
});
