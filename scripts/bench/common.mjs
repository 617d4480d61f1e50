// What the benchmark's parts share: Chromium, statistics, and the page-side clock.
import { chromium } from "playwright-core";
import { CHROMIUM, FLAGS } from "../chromium.mjs";

export const launch = () => chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The value below which a share `p` of the samples lie (nearest rank). */
export const quantile = (xs, p) => sorted(xs)[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
/** Median, 95th percentile, least and most of a list of milliseconds, rounded to 0.1 ms. */
export function stats(xs) {
  const r = (x) => (x == null ? null : Math.round(x * 10) / 10);
  if (!xs.length) return { n: 0, median: null, p95: null, min: null, max: null };
  return { n: xs.length, median: r(quantile(xs, 0.5)), p95: r(quantile(xs, 0.95)), min: r(Math.min(...xs)), max: r(Math.max(...xs)) };
}

/**
 * Installed in every page of the interaction benchmarks. `__measure(events)` resolves
 * with the time from the first of `events` (a trusted input's own time stamp, so the
 * driver's round trip does not count) to the end of the frame that painted the page's
 * last DOM change, once nothing has changed for `quiet` ms; null if there was no such
 * event or no change within `timeout`. A frame's requestAnimationFrame callbacks run
 * before its style, layout and paint; a message posted from there arrives once they
 * are done, which is when the change is on its way to the screen. Search matches
 * painted with the CSS Custom Highlight API change no DOM node: adding or clearing a
 * highlight's ranges counts as a change too, and when made in a frame's callback (as
 * the app paints them), it is painted with that frame.
 */
export function pageClock() {
  // Whether a frame's callback is running, and whether it has changed a highlight yet
  // (one notice a callback: the clock's own work stays out of what it measures).
  let inFrame = false;
  let noticed = false;
  const frame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    frame((time) => {
      inFrame = true;
      try {
        callback(time);
      } finally {
        inFrame = noticed = false;
      }
    });
  if (window.Highlight) {
    for (const method of ["add", "delete", "clear"]) {
      const original = Highlight.prototype[method];
      Highlight.prototype[method] = function (...args) {
        if (!noticed) window.__changed?.(inFrame);
        noticed = inFrame;
        return original.apply(this, args);
      };
    }
  }
  window.__measure = (events, quiet = 100, timeout = 60000) =>
    new Promise((done) => {
      let start = null;
      let painted = null;
      let settle;
      const onInput = (e) => {
        start ??= e.timeStamp;
      };
      const finish = () => {
        observer.disconnect();
        window.__changed = null;
        for (const type of events) removeEventListener(type, onInput, true);
        clearTimeout(limit);
        clearTimeout(settle);
        done(start != null && painted != null ? painted - start : null);
      };
      const limit = setTimeout(finish, timeout);
      // Posted from a frame's callback, a message arrives once that frame is rendered.
      const afterFrame = () => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          painted = performance.now();
          clearTimeout(settle);
          settle = setTimeout(finish, quiet);
        };
        channel.port2.postMessage(null);
      };
      const changed = (inFrame) => {
        clearTimeout(settle);
        if (inFrame) afterFrame();
        else frame(afterFrame);
      };
      const observer = new MutationObserver(() => changed(false));
      window.__changed = changed;
      for (const type of events) addEventListener(type, onInput, true);
      observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
    });
}

/** Runs `act` (a key press, a click) and returns the page's `__measure` of it, in ms. */
export async function timed(page, events, act, quiet) {
  await page.evaluate(([e, q]) => void (window.__pending = window.__measure(e, q)), [events, quiet]);
  await act();
  return page.evaluate(() => window.__pending);
}
