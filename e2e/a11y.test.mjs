// Accessibility: axe-core finds no serious or critical violation (WCAG 2 A/AA,
// contrast included) and no skipped heading level on any view, in Chinese, English and
// side by side, in both themes, and in an embedded frame.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useApp } from "./harness.mjs";

const app = useApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// Every kind of view once: a chart with its table tab, a map indicator and an embed
// stand for the others of their kind.
const VIEWS = [
  "",
  "explore/?q=poverty",
  "items/labour-migration/",
  "countries/",
  "countries/KGZ/",
  "sources/",
  "glossary/",
  "charts/",
  "charts/poverty-rate/",
  "charts/poverty-rate/?tab=table",
  "map/",
  "map/poverty-rate/",
  "read/",
  "argument/",
  "coverage/",
  "facts/poverty-rate-kgz-2019/",
  "charts/poverty-rate/?embed=1",
];
const MODES = [
  ["zh", ""],
  ["en", ""],
  ["both", ""],
];
// Reading pages are checked as baked (no app runs there); these are checked again once
// the app has taken them over (as it does where an address needs it).
const TAKEN_OVER = ["en/items/labour-migration/", "zh/charts/poverty-rate/", "both/argument/", "en/read/"];

/** The serious and critical violations axe-core finds on a page, and skipped heading levels. */
async function serious(page) {
  await page.addScriptTag({ content: axeSource });
  // Only violations are gathered: the same findings, in less than half the time.
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] },
      resultTypes: ["violations"],
    }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "heading-order")
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

/** `zh/charts/x/?tab=table` with more parameters added to its query. */
function address(folder, view, ...params) {
  const [path, query = ""] = view.split("?");
  const all = [query, ...params].filter(Boolean).join("&");
  return `${folder}/${path}?${all}`;
}

describe("axe-core", () => {
  // One test per language mode and theme, going through every view in one browser
  // context (nothing is kept between pages but the cache): a fresh context per view
  // costs as much again as axe itself.
  for (const [folder, lang] of MODES) {
    for (const theme of ["light", "dark"]) {
      it(`finds no serious violation on any view in ${lang || folder}, ${theme} theme`, async () => {
        const found = [];
        let page;
        for (const view of VIEWS) {
          const query = address(folder, view, lang, `theme=${theme}`);
          if (page) {
            await page.goto(app.url(query));
            await app.ready(page);
          } else {
            page = await app.open(query, { bypassCSP: true });
          }
          // The page is in the language and theme asked for, so axe checks those colours and texts.
          const shown = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme]);
          assert.deepEqual(shown, [folder === "en" ? "en" : "zh-Hans", theme], query);
          if (folder === "both") assert.ok(await page.$(".bi [lang=en]"), `${query} shows both languages`);
          const violations = await serious(page);
          if (violations.length) found.push(`${query}\n    ${violations.join("\n    ")}`);
        }
        await app.done(page);
        // Every view is checked before failing, so one run lists them all.
        assert.deepEqual(found, [], found.join("\n"));
      });
    }
  }

  it("finds no serious violation on reading pages once the app has taken them over", async () => {
    const found = [];
    for (const address of TAKEN_OVER) {
      const page = await app.open(address, { bypassCSP: true });
      await app.start(page);
      const violations = await serious(page);
      if (violations.length) found.push(`${address}\n    ${violations.join("\n    ")}`);
      await app.done(page);
    }
    assert.deepEqual(found, [], found.join("\n"));
  });
});
