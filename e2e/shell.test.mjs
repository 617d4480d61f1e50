// The app shell: first view, language and theme in the URL, <html lang>, reload.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { useApp } from "./harness.mjs";

const app = useApp();

describe("the first view", () => {
  it("shows the article and the five countries in English for an English browser", async () => {
    const page = await app.open("", { locale: "en-US" });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    const h1 = await page.textContent("main h1");
    assert.match(h1, /China – Central Asia Community with a Shared Future/);
    const countries = await page.$$eval("[data-country]", (els) => els.map((e) => e.dataset.country));
    assert.deepEqual(countries.sort(), ["KAZ", "KGZ", "TJK", "TKM", "UZB"]);
    assert.match(await page.textContent("[data-country=KGZ]"), /Kyrgyzstan/);
    assert.match(await page.title(), /China–Central Asia Explorer/);
    assert.match(await page.textContent("footer"), /10\.13761\/j\.cnki\.cn23-1073\/c\.2023\.02\.001/);
    await app.done(page);
  });

  it("shows Chinese for a Chinese browser", async () => {
    const page = await app.open("", { locale: "zh-CN" });
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
    assert.match(await page.textContent("main h1"), /社会合作视角下的/);
    assert.match(await page.textContent("[data-country=KGZ]"), /吉尔吉斯斯坦/);
    assert.match(await page.title(), /中国—中亚/);
    await app.done(page);
  });

  it("shows both languages side by side at both/, baked so, without scripts too", async () => {
    for (const javaScript of [true, false]) {
      const page = await app.open("both/", { javaScript });
      const card = page.locator("[data-country=TJK] h3");
      assert.equal(await card.locator("[lang=zh-Hans]").textContent(), "塔吉克斯坦");
      assert.equal(await card.locator("[lang=en]").textContent(), "Tajikistan");
      assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
      // Nothing is left for the app to draw: it does not start.
      if (javaScript) assert.equal(await page.getAttribute("html", "data-start"), "demand");
      await app.done(page);
    }
  });

  it("opens the both/ page from the first form, ?lang=both, keeping the rest of the address", async () => {
    for (const old of ["zh/countries/KGZ/?lang=both&theme=dark#profile", "en/countries/KGZ/?theme=dark&lang=both#profile"]) {
      const page = await app.open("en/");
      const entries = await page.evaluate(() => history.length);
      await page.goto(app.url(old));
      await app.ready(page);
      assert.equal(page.url(), app.url("both/countries/KGZ/?theme=dark#profile"), old);
      assert.equal(await page.evaluate(() => history.length), entries + 1, "the old address left no entry to go back to");
      assert.equal(await page.locator("main h1 [lang=en]").textContent(), "Kyrgyzstan");
      await app.done(page);
    }
  });
});

describe("the language switch", () => {
  it("goes to the same page in the other language, which survives a reload", async () => {
    const page = await app.open("", { locale: "en-US" });
    assert.match(page.url(), /\/en\/$/);
    await page.click("[data-switch=lang] a[data-option=zh]");
    await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
    assert.match(page.url(), /\/zh\/$/);
    assert.match(await page.textContent("main h1"), /社会合作视角下的/);
    assert.equal(await page.getAttribute("[data-switch=lang] a[data-option=zh]", "aria-current"), "true");
    await page.reload();
    await app.ready(page);
    assert.equal(await page.getAttribute("html", "lang"), "zh-Hans");
    assert.match(await page.textContent("main h1"), /社会合作视角下的/);
    await page.click("[data-switch=lang] a[data-option=en]");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.match(page.url(), /\/en\/$/);
    await app.done(page);
  });

  it("keeps the page, its filters and the theme", async () => {
    const page = await app.open("en/explore/?theme=dark&country=KGZ");
    await page.click("[data-switch=lang] a[data-option=both]");
    await page.waitForURL(/\/both\/explore\/\?theme=dark&country=KGZ$/);
    assert.ok((await page.locator("main .bi [lang=en]").count()) > 0, "English beside the Chinese");
    await app.done(page);
  });
});

describe("the theme switch", () => {
  it("sets the theme, writes it to the URL and keeps it on reload", async () => {
    const page = await app.open("en/", { colorScheme: "light" });
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    await page.click("[data-switch=theme] button[data-option=dark]");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    assert.match(page.url(), /theme=dark/);
    assert.notEqual(await background(), light);
    await page.reload();
    await app.ready(page);
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.click("[data-switch=theme] button[data-option=auto]");
    await page.waitForFunction(() => document.documentElement.dataset.theme === "auto");
    assert.ok(!page.url().includes("theme="), page.url());
    assert.equal(await background(), light);
    await app.done(page);
  });

  it("follows a dark system setting in auto", async () => {
    const page = await app.open("en/", { colorScheme: "dark" });
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, "rgb(20, 24, 29)");
    await app.done(page);
  });
});

describe("hostile URLs", () => {
  it("ignores unknown and malicious values on a page", async () => {
    const page = await app.open('en/?lang=<img src=x onerror=alert(1)>&theme="><script>alert(2)</script>&q=%E8%B4');
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.getAttribute("html", "data-theme"), "auto");
    assert.equal(await page.$$eval("img[src=x], [onerror], main script", (els) => els.length), 0);
    await app.done(page);
  });

  it("ignores unknown and malicious values in an address of the first scheme", async () => {
    const page = await app.open('?lang=<img src=x onerror=alert(1)>&theme="><script>alert(2)</script>&view=%00', {
      locale: "en-US",
    });
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.getAttribute("html", "data-theme"), "auto");
    assert.equal(await page.$$eval("img[src=x], [onerror], main script", (els) => els.length), 0);
    await app.done(page);
  });
});
