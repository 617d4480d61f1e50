// The app's loader, written by the build (src/bake.rs fills in the module's and the
// wasm's names, and the scripts the module imports, fetched beside it rather than after
// it). It starts the app once the page has loaded. By then `early.js` has asked, at low
// priority, for what the page names in its `app-preload` tags (the main wasm, the data,
// the wasm chunks of the page's view), so they never hold up the first paint and are
// mostly here when the app starts: the baked page is whole without them.
const start = async () => {
  const [bindings] = await Promise.all(["__MODULE__", ...__ALSO__].map((m) => import(m)));
  const wasm = await bindings.default({ module_or_path: new URL("__WASM__", import.meta.url) });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
};
if (document.readyState === "complete") start();
else addEventListener("load", start, { once: true });
