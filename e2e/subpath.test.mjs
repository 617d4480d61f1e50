// Hosting under a subpath of a plain static host: assets, data and every link resolve
// relative to the page, and a deep link reloads without any rewrite rule.
import { it } from "node:test";
import assert from "node:assert/strict";
import { useApp } from "./harness.mjs";

const app = useApp({ base: "/some/sub/path/" });

it("runs, navigates and reloads under a subpath", async () => {
  const page = await app.open("en/explore/?country=KGZ");
  assert.ok((await page.$$eval("article[data-item]", (els) => els.length)) > 0);
  await page.click("nav a[href$='/en/charts/']");
  await page.waitForURL(/\/some\/sub\/path\/en\/charts\/$/);
  await page.waitForSelector("[data-chart] .chart-wide svg");
  await page.click("nav a[href$='/en/map/']");
  await page.waitForSelector(".map-svg");
  await page.reload();
  await page.waitForSelector(".map-svg");
  await app.done(page);
});
