// Compares what readers see on the baked pages of two builds: for every page both hold,
// its title and the text of its header, main region and footer (markup, scripts and
// attributes left out, white space folded). Prints each page that differs with the first
// difference, and a count; exits 1 if any page differs or one build lacks a page.
// For changes that must not change the site for its readers (moving this article's texts
// from the code into the dataset, say).
// Usage: node scripts/compare-baked.mjs BEFORE_DIR AFTER_DIR [--ignore REGEX]
// (`--ignore`: text to drop before comparing, such as a dataset version that moved on)
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

const [before, after] = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && all[i - 1] !== "--ignore");
const ignoreAt = process.argv.indexOf("--ignore");
const ignore = ignoreAt > 0 ? new RegExp(process.argv[ignoreAt + 1], "g") : null;
if (!before || !after) {
  console.error("usage: node scripts/compare-baked.mjs BEFORE_DIR AFTER_DIR [--ignore REGEX]");
  process.exit(2);
}

/** Every `index.html` below `dir`, as paths relative to it. */
function pages(dir, prefix = "") {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const path = join(prefix, name);
    if (statSync(join(dir, path)).isDirectory()) return pages(dir, path);
    return name === "index.html" || name === "404.html" ? [path] : [];
  });
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " };

/** The title and the visible text of a page's header, main region and footer. */
function readerText(html) {
  const title = html.match(/<title>([^]*?)<\/title>/)?.[1] ?? "";
  const body = html
    .replace(/<(script|style|template)\b[^>]*>[^]*?<\/\1>/g, " ")
    .match(/<body\b[^>]*>([^]*)<\/body>/)?.[1] ?? "";
  let text = `${title}\n${body}`
    .replace(/<[^>]+>/g, " ")
    .replace(/&(#?\w+);/g, (whole, name) => ENTITIES[name] ?? whole)
    .replace(/\s+/g, " ")
    .trim();
  if (ignore) text = text.replace(ignore, "");
  return text;
}

let differing = 0;
const list = pages(before);
for (const page of list) {
  const other = join(after, page);
  if (!existsSync(other)) {
    console.log(`${page}: missing from ${after}`);
    differing++;
    continue;
  }
  const a = readerText(readFileSync(join(before, page), "utf8"));
  const b = readerText(readFileSync(other, "utf8"));
  if (a === b) continue;
  differing++;
  let at = 0;
  while (a[at] === b[at]) at++;
  console.log(`${page}: differs at character ${at}\n  before: …${a.slice(Math.max(0, at - 40), at + 60)}…\n  after:  …${b.slice(Math.max(0, at - 40), at + 60)}…`);
}
const added = pages(after).filter((page) => !list.includes(page));
for (const page of added) console.log(`${page}: only in ${after}`);
console.log(`${list.length} pages compared: ${differing} differ${added.length ? `, ${added.length} new` : ""}`);
process.exit(differing || added.length ? 1 : 0);
