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
  await page.waitForSelector("[data-chart] .chart-box svg:visible");
  await page.click("nav a[href$='/en/map/']");
  await page.waitForSelector(".map-svg");
  await page.reload();
  await page.waitForSelector(".map-svg");
  await app.done(page);
});

it("sends the root to the reader's language and old addresses to their pages, under a subpath", async () => {
  const root = await app.open("", { locale: "zh-CN" });
  assert.equal(root.url(), app.url("zh/"));
  await app.done(root);
  const old = await app.open("?view=charts&id=poverty-rate&lang=en");
  assert.equal(old.url(), app.url("en/charts/poverty-rate/"));
  assert.equal(await old.textContent("main h1"), "Poverty rate");
  await app.done(old);
  const both = await app.open("zh/charts/poverty-rate/?lang=both");
  assert.equal(both.url(), app.url("both/charts/poverty-rate/"));
  assert.equal(await both.locator("main h1 [lang=en]").textContent(), "Poverty rate");
  await app.done(both);
});

it("serves baked pages without JavaScript and a 404 page that finds the site's root", async () => {
  const page = await app.open("en/countries/KGZ/", { javaScript: false });
  await page.click("main .eyebrow a");
  await page.waitForURL(app.url("en/countries/"));
  assert.equal(await page.locator("[data-country]").count(), 6);
  await app.done(page);
  const missing = await app.open("en/nowhere/", { live: false });
  assert.equal(await missing.evaluate(() => document.querySelector("a[href='zh/']").href), app.url("zh/"));
  assert.notEqual(await missing.evaluate(() => getComputedStyle(document.querySelector(".button")).borderRadius), "0px");
  await app.done(missing);
});

it("shows a styled 404 page whose links stay under the subpath, at addresses without a language folder", async () => {
  for (const address of ["nowhere/", "a/b/c"]) {
    const page = await app.open(address, { live: false });
    // The page finds the site's root by asking the folders above it for a file every
    // build has there, so it can take a moment after the load.
    await page.waitForFunction(() => getComputedStyle(document.querySelector(".button")).borderRadius !== "0px", null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => document.querySelector("a[href='en/']").href), app.url("en/"), address);
    assert.ok((await page.evaluate(() => document.querySelector("link[rel=icon]").href)).startsWith(app.url()), address);
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).visibility), "visible", address);
    await page.click("a[href='en/']");
    await page.waitForURL(app.url("en/"));
    await app.ready(page);
    // The folders that are not the root answered 404 to that question: expected here.
    page.errors = page.errors.filter((e) => !e.includes("status of 404"));
    await app.done(page);
  }
});
