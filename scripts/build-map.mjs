// Converts Natural Earth country outlines (npm world-atlas, public domain) into the
// simplified SVG paths of a dataset's map.json, once; the app never fetches map tiles.
// Usage: node scripts/build-map.mjs [DATASET]   (default data/dataset.json; writes
// map.json beside it; rerun only when the dataset's `map` changes: its extent, the
// countries drawn). The dataset's `map` names the extent in degrees and each country
// drawn by its ISO 3166-1 numeric code, which is Natural Earth's id.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { feature } from "topojson-client";

const DATASET = process.argv[2] ?? "data/dataset.json";
const OUT = join(dirname(DATASET), "map.json");
const extent = JSON.parse(readFileSync(DATASET, "utf8")).map;
if (!extent) {
  console.error(`${DATASET} has no "map" (its extent and the countries drawn): see docs/DATASET.md`);
  process.exit(1);
}
const COUNTRIES = Object.fromEntries(Object.entries(extent.outlines).map(([id, code]) => [code, id]));
const { west: WEST, east: EAST, south: SOUTH, north: NORTH } = extent;
const WIDTH = 800;
// Equirectangular projection, with longitude shrunk by the cosine of the middle latitude.
const K = Math.cos(((SOUTH + NORTH) / 2) * (Math.PI / 180));
const SCALE = WIDTH / ((EAST - WEST) * K);
const HEIGHT = Math.round((NORTH - SOUTH) * SCALE);
const project = ([lon, lat]) => [(lon - WEST) * K * SCALE, (NORTH - lat) * SCALE];
const TOLERANCE = 0.8; // simplification, in output units (pixels of an 800-wide map)

// Sutherland–Hodgman clipping of a ring to the rectangle [0, WIDTH] × [0, HEIGHT].
function clip(ring) {
  const edges = [
    (p) => p[0] >= 0, (p) => p[0] <= WIDTH, (p) => p[1] >= 0, (p) => p[1] <= HEIGHT,
  ];
  const cut = [
    (a, b) => [0, a[1] + ((b[1] - a[1]) * (0 - a[0])) / (b[0] - a[0])],
    (a, b) => [WIDTH, a[1] + ((b[1] - a[1]) * (WIDTH - a[0])) / (b[0] - a[0])],
    (a, b) => [a[0] + ((b[0] - a[0]) * (0 - a[1])) / (b[1] - a[1]), 0],
    (a, b) => [a[0] + ((b[0] - a[0]) * (HEIGHT - a[1])) / (b[1] - a[1]), HEIGHT],
  ];
  let out = ring;
  for (let e = 0; e < 4 && out.length; e++) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const a = input[(i + input.length - 1) % input.length], b = input[i];
      const ina = edges[e](a), inb = edges[e](b);
      if (inb) {
        if (!ina) out.push(cut[e](a, b));
        out.push(b);
      } else if (ina) out.push(cut[e](a, b));
    }
  }
  return out;
}

// Douglas–Peucker simplification.
function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  // A closed ring starts and ends at one point: split it at the point farthest from it.
  const [x0, y0] = points[0];
  let split = 1;
  points.forEach(([x, y], i) => {
    if (Math.hypot(x - x0, y - y0) > Math.hypot(points[split][0] - x0, points[split][1] - y0)) split = i;
  });
  keep[split] = 1;
  const stack = [[0, split], [split, points.length - 1]];
  while (stack.length) {
    const [s, e] = stack.pop();
    const [ax, ay] = points[s], [bx, by] = points[e];
    const len = Math.hypot(bx - ax, by - ay) || 1;
    let far = -1, dist = 0;
    for (let i = s + 1; i < e; i++) {
      const d = Math.abs((bx - ax) * (ay - points[i][1]) - (ax - points[i][0]) * (by - ay)) / len;
      if (d > dist) [dist, far] = [d, i];
    }
    if (dist > TOLERANCE) {
      keep[far] = 1;
      stack.push([s, far], [far, e]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

const area = (ring) => ring.reduce((sum, p, i) => {
  const q = ring[(i + 1) % ring.length];
  return sum + p[0] * q[1] - q[0] * p[1];
}, 0) / 2;

function centroid(ring) {
  const a = area(ring) || 1;
  let x = 0, y = 0;
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length];
    const f = p[0] * q[1] - q[0] * p[1];
    x += (p[0] + q[0]) * f;
    y += (p[1] + q[1]) * f;
  });
  return [x / (6 * a), y / (6 * a)];
}

const round = (v) => Math.round(v * 10) / 10;
const topology = JSON.parse(readFileSync("node_modules/world-atlas/countries-50m.json", "utf8"));
const features = feature(topology, topology.objects.countries).features;
const countries = [];
for (const f of features) {
  const id = COUNTRIES[Number(f.id)];
  if (!id) continue;
  const polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = polygons
    .flatMap((poly) => poly)
    .map((ring) => simplify(clip(ring.map(project))))
    .filter((ring) => ring.length >= 3 && Math.abs(area(ring)) > 4);
  if (!rings.length) continue;
  const path = rings
    .map((ring) => "M" + ring.map(([x, y]) => `${round(x)} ${round(y)}`).join("L") + "Z")
    .join("");
  const largest = rings.reduce((a, b) => (Math.abs(area(b)) > Math.abs(area(a)) ? b : a));
  const [lx, ly] = centroid(largest);
  countries.push({ id, path, label: [round(lx), round(ly)] });
}
countries.sort((a, b) => a.id.localeCompare(b.id));
const map = {
  source: "Natural Earth 1:50m admin-0 countries, via the npm package world-atlas 2.0.2 (public domain)",
  width: WIDTH,
  height: HEIGHT,
  countries,
};
writeFileSync(OUT, JSON.stringify(map) + "\n");
console.log(`${OUT}: ${countries.length} countries, ${JSON.stringify(map).length} bytes`);
