// Accessibility: axe-core finds no serious or critical violation (WCAG 2 A/AA,
// contrast included) and no skipped heading level on any view, in both languages and both themes.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useApp } from "./harness.mjs";

const app = useApp();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const VIEWS = [
  "",
  "explore/?q=poverty",
  "items/labour-migration/",
  "countries/",
  "countries/KGZ/",
  "sources/",
  "glossary/",
  "charts/",
  "map/",
  "read/",
  "argument/",
  "coverage/",
  "facts/poverty-rate-kgz-2019/",
];

/** The serious and critical violations axe-core finds on a page, and skipped heading levels. */
async function serious(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "best-practice"] } }),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "heading-order")
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

describe("axe-core", () => {
  for (const theme of ["light", "dark"]) {
    for (const lang of ["zh", "en"]) {
      it(`finds no serious violation in ${lang}, ${theme} theme`, async () => {
        for (const view of VIEWS) {
          const query = `${lang}/${view}${view.includes("?") ? "&" : "?"}theme=${theme}`;
          const page = await app.open(query, { bypassCSP: true });
          await page.waitForTimeout(300);
          assert.deepEqual(await serious(page), [], `${query}`);
          await app.done(page);
        }
      });
    }
  }

  it("finds no serious violation on the reading views side by side", async () => {
    for (const view of ["read/", "argument/", "coverage/", "items/labour-migration/"]) {
      const page = await app.open(`zh/${view}?lang=both`, { bypassCSP: true });
      assert.deepEqual(await serious(page), [], view);
      await app.done(page);
    }
  });
});
