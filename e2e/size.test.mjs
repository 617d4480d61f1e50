// Size budget of the first view (page, script, wasm, stylesheet, dataset), brotli.
// The brief aims at well under 200 KB; this budget stops regressions from where we
// are (about 250 KB) while that work goes on. Measure with: node scripts/size.mjs
import { it } from "node:test";
import assert from "node:assert/strict";
import { firstViewSize } from "../scripts/size.mjs";

const BUDGET_BROTLI = 260_000;

it(`the first view stays within ${BUDGET_BROTLI} bytes brotli`, () => {
  const { rows, total } = firstViewSize("dist");
  assert.ok(rows.some((r) => r.file.endsWith(".wasm")), "a release build is in dist/");
  assert.ok(total.brotli <= BUDGET_BROTLI, `first view is ${total.brotli} bytes brotli`);
});
