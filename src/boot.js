// The app's loader, written by the build (src/bake.rs fills in the module's and the
// wasm's names, and the scripts the module imports, fetched beside it rather than after
// it). It starts the app once the page has loaded, and then preloads what the page names
// in its `app-preload` tags (the data, the wasm chunk of the page's view), so that the
// module, the wasm and the data never compete with the first paint: the baked page is
// whole without them.
const start = async () => {
  for (const meta of document.querySelectorAll("meta[name=app-preload]")) {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = new URL(meta.content, document.baseURI).href;
    document.head.append(link);
  }
  const [bindings] = await Promise.all(["__MODULE__", ...__ALSO__].map((m) => import(m)));
  const wasm = await bindings.default({ module_or_path: new URL("__WASM__", import.meta.url) });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
};
if (document.readyState === "complete") start();
else addEventListener("load", start, { once: true });
