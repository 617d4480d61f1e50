// The explorer's host script: sizes its frames on your page to their content.
//   <script src="https://EXPLORER/embed.js" async></script>
// It listens for the frames' resize messages and accepts one only when it comes from an
// <iframe> of this page (matched by the message's sender, so no ids are needed) whose
// address is on the explorer's origin, the one this script was loaded from; it checks
// the message's shape and keeps the height within bounds. No dependencies, no storage.
(function () {
  var script = document.currentScript;
  if (!script || !window.URL) return;
  var origin = new URL(script.src, location.href).origin;
  var MIN = 60;
  var MAX = 20000;

  function frameOf(sender) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === sender) return frames[i];
    return null;
  }

  addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.source !== "cca-explorer" || data.type !== "resize") return;
    var frame = frameOf(event.source);
    if (!frame) return;
    // A frame sandboxed without allow-same-origin speaks as "null": then its address counts.
    var address = new URL(frame.src, location.href).origin;
    if (address !== origin || (event.origin !== origin && event.origin !== "null")) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    frame.style.height = Math.round(Math.min(MAX, Math.max(MIN, height))) + "px";
  });
})();
