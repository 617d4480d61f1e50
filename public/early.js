// Runs before the page's first paint, on every page (a few hundred bytes, cached):
// applies `?theme=` and `?tab=table` at once, says whether the app starts (at load, where
// the address needs it) and if so asks for its first files at low priority, and in a
// frame (`?embed=1`) hides the site around the view and reports the page's height to the
// host page from the first paint on.
//
// Messages to the host, in two forms, whenever the height changes:
//   { source: "cca-explorer", type: "resize", height: <CSS px> }
//   { sentinel: "amp", type: "embed-size", height: <CSS px> }   (AMP's amp-iframe)
// One message from the host is understood, and only from the frame's own parent:
//   { source: "cca-explorer-host", type: "set", theme: "auto"|"light"|"dark", lang: "zh"|"en"|"both" }
(function () {
  var html = document.documentElement;
  var params = new URLSearchParams(location.search);
  // This script sits at the site's root, so its own address tells where pages start.
  var self = document.currentScript && document.currentScript.src;
  var root = self ? new URL(".", self).pathname : "/";
  var rest = location.pathname.indexOf(root) === 0 ? location.pathname.slice(root.length).split("/") : [];

  // Side-by-side reading was once `?lang=both` on a `zh/` or `en/` page; it has baked
  // pages of its own under `both/` now. Such a link opens that page, before anything of
  // this one is painted, with the rest of its query and its fragment.
  if (params.get("lang") === "both" && (rest[0] === "zh" || rest[0] === "en")) {
    var others = location.search.slice(1).split("&").filter(function (pair) {
      return pair !== "lang=both";
    });
    rest[0] = "both";
    location.replace(root + rest.join("/") + (others.length ? "?" + others.join("&") : "") + location.hash);
    return;
  }
  var theme = params.get("theme");
  if (theme === "light" || theme === "dark") html.setAttribute("data-theme", theme);
  // A chart's page with its table chosen (`?tab=table`): both are baked, and the
  // stylesheet shows the table from the first paint.
  if (params.get("tab") === "table") html.setAttribute("data-tab", "table");

  // Whether the app starts (`<html data-start>`, read by the loader, src/boot.js): at
  // load where the baked page is not the whole of what the address shows (a query other
  // than the reader's settings; a page the service worker gave for another address,
  // under `<base data-shell>`), and otherwise not ("demand", for no control needs it): a
  // page is whole as baked, a chart's table included, and its controls work without the
  // app. Campaign and click tags that sites add to shared links change nothing either. A
  // page with an island (`<meta name="island">`: Explore) shows its whole query with it.
  var settings = ["theme", "tab", "embed", "transparent", "fbclid", "gclid", "msclkid"];
  var island = document.querySelector("meta[name=island]");
  var atLoad = !!document.querySelector("base[data-shell]");
  var query = false;
  params.forEach(function (value, key) {
    if (settings.indexOf(key) < 0 && key.indexOf("utm_") !== 0) query = true;
  });
  if (!island) atLoad = atLoad || query;
  html.setAttribute("data-start", atLoad ? "load" : "demand");

  // What the app fetches first, asked for now and at low priority when it starts at
  // load: the main wasm, the page's data and its view's wasm chunks, named by the
  // page's `app-preload` tags (before this script). The stylesheet comes before this
  // script in the page: the browser then fetches both at once (with the script first,
  // it fetched the stylesheet only once the script was in) and runs the script once the
  // stylesheet is in, so what it asks for here does not compete with it. These files
  // then come in while the page is first painted instead of after its load, when the
  // app starts (boot.js). A reader without scripts fetches none of them.
  var ask = function (href, rel, priority) {
    var link = document.createElement("link");
    link.rel = rel;
    if (rel === "preload") link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.setAttribute("fetchpriority", priority);
    link.href = href;
    document.head.appendChild(link);
  };
  var wanted = atLoad ? document.querySelectorAll("meta[name=app-preload]") : [];
  for (var i = 0; i < wanted.length; i++) ask(wanted[i].content, "preload", "low");
  // An island's files and data, at once: the loader starts it as soon as the page is
  // parsed. Until it is live, a query's results are not shown (`data-island-pending`,
  // for at most a few seconds): the baked list is the unfiltered one.
  if (island && !atLoad) {
    ask(island.getAttribute("data-module"), "modulepreload", "high");
    ask(island.getAttribute("data-wasm"), "preload", "high");
    ask(island.getAttribute("data-index"), "preload", "high");
    if (query) {
      html.setAttribute("data-island-pending", "");
      setTimeout(function () {
        html.removeAttribute("data-island-pending");
      }, 4000);
    }
  }

  // After one visit the site works offline: the build's service worker (sw.js, beside
  // this script at the site's root). Not in frames: an embed installs nothing for its
  // host's visitors. Where workers are unavailable (private modes, sandboxes, file:),
  // the site works as before. Its first caching downloads every part of the app, which
  // must not compete with the page's own start: it is registered once the app has taken
  // over a page that starts it at load (`<html data-app>`, or 10 s after the load if it
  // does not), and elsewhere 10 s after the load, and then not for a reader who asked
  // to save data.
  if (self && window.parent === window && params.get("embed") !== "1") {
    addEventListener("load", function () {
      var done = false;
      var register = function () {
        if (done) return;
        done = true;
        try {
          navigator.serviceWorker.register(new URL("sw.js", self)).catch(function () {});
        } catch (e) {}
      };
      if (html.hasAttribute("data-app")) return register();
      var saveData = navigator.connection && navigator.connection.saveData;
      var watch = new MutationObserver(function () {
        if (!html.hasAttribute("data-app")) return;
        watch.disconnect();
        register();
      });
      watch.observe(html, { attributes: true, attributeFilter: ["data-app"] });
      setTimeout(function () {
        if (atLoad || !saveData) register();
      }, 10000);
    });
  }
  if (params.get("embed") !== "1") return;
  html.setAttribute("data-embed", "");
  if (params.get("transparent") === "1") html.setAttribute("data-transparent", "");
  if (window.parent === window) return;

  var reported = 0;
  new ResizeObserver(function () {
    var height = Math.ceil(html.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    parent.postMessage({ source: "cca-explorer", type: "resize", height: height }, "*");
    parent.postMessage({ sentinel: "amp", type: "embed-size", height: height }, "*");
  }).observe(html);

  addEventListener("message", function (event) {
    var data = event.data;
    if (event.source !== parent || !data || data.source !== "cca-explorer-host" || data.type !== "set") return;
    var url = new URL(location.href);
    var changed = false;
    if (["auto", "light", "dark"].indexOf(data.theme) >= 0) {
      if (data.theme === "auto") url.searchParams.delete("theme");
      else url.searchParams.set("theme", data.theme);
      html.setAttribute("data-theme", data.theme);
      changed = true;
    }
    var langs = ["zh", "en", "both"];
    // The page's path now (the app may have moved since the load).
    var path = url.pathname.slice(root.length).split("/");
    if (langs.indexOf(data.lang) >= 0 && langs.indexOf(path[0]) >= 0) {
      path[0] = data.lang;
      url.pathname = root + path.join("/");
      changed = true;
    }
    if (!changed || url.href === location.href) return;
    // In place where the app follows the address, or where only the theme changed on a
    // page without the app (its loader follows the address's theme); else the page at
    // the new address is loaded.
    var live = html.hasAttribute("data-app");
    var themeOnly = url.pathname === location.pathname;
    try {
      if (!live && !(themeOnly && html.getAttribute("data-start") === "demand")) throw new Error("reload");
      // The app follows the address (see src/views/navigation.rs).
      history.replaceState(null, "", url.href);
      dispatchEvent(new PopStateEvent("popstate"));
    } catch (e) {
      location.replace(url.href);
    }
  });
})();
