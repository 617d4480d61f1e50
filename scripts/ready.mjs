// When a page is ready for its reader, as a CSS selector on the document (for the
// browser tests and the benchmark alike): the app has taken over (a page that starts it
// at load: `<html data-app=live>`), or the page needs no app (`data-start=demand`,
// src/boot.js; its loader has run by the page's load) and its island, if it has one
// (`<meta name=island>`: Explore), is live.
export const ISLAND_LIVE = "[data-island-state=live]";
export const READY = `html[data-app=live], html[data-start=demand]:not(:has(meta[name=island])), html[data-start=demand] ${ISLAND_LIVE}`;
