// The site's root: sends the reader to the overview in their browser's language, as
// the app's `Lang::from_preferences` picks it (the first tag that is zh or en wins;
// English otherwise). An address of the first scheme (`?view=…`) is left to the app,
// which opens the same view at its new address.
(function () {
  if (location.search) return;
  var tags = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  var lang = "en";
  for (var i = 0; i < tags.length; i++) {
    var primary = String(tags[i]).split(/[-_]/)[0].toLowerCase();
    if (primary === "zh" || primary === "en") {
      lang = primary;
      break;
    }
  }
  location.replace(lang + "/" + location.hash);
})();
