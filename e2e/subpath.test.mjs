// Hosting under a subpath of a plain static host: assets, data and every link resolve
// relative to the page, and a deep link reloads without any rewrite rule.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { UNBAKED_QUERY, useApp } from "./harness.mjs";

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

describe("under a subpath that reads like a page's address", () => {
  // Below `/zh/charts/`, the English overview's path `/zh/charts/en/` ends like the
  // address of a chart named "en": the app and the islands read it below the site's
  // root, which `early.js` gives them, not from the end of the path.
  const tricky = useApp({ base: "/zh/charts/" });
  const { title, site_name: siteName } = JSON.parse(readFileSync("data/dataset.json", "utf8")).meta;

  it("the app draws the overview there, in English", async () => {
    const page = await tricky.open(`en/${UNBAKED_QUERY}`);
    assert.equal(await page.getAttribute("html", "data-app"), "live");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.locator("main h1").innerText(), title.en);
    await tricky.done(page);
  });

  it("the embed dialog offers the overview there, in English", async () => {
    const page = await tricky.open("en/");
    await page.click(".embed-open");
    await page.waitForFunction(() => document.querySelector(".embed-dialog").matches(":modal"));
    const code = await page.inputValue("#embed-code");
    assert.ok(code.startsWith(`<iframe src="${tricky.url("en/?embed=1")}"`), code);
    // The overview's frame is titled with the site's name, in the page's language.
    assert.ok(code.includes(`title="${siteName.en}"`), code);
    await tricky.done(page);
  });
});
