/**
 * npm run bench:knn -- [--compare] [--reps 3] [--seed 1] [--k 100] [--shrink 100] [--top 10]
 *
 * Item-kNN (shrunk cosine, lib/reco/cf.ts) fit plus a top-10 list for every user, on a ratings file of
 * MovieLens-100k's shape that this script generates (no MovieLens file is on the machine and nothing is
 * downloaded): 943 users x 1,682 items, ~100,000 ratings 1-5 in u.data's tab-separated layout, item
 * popularity long-tailed (a few hundred ratings for the head, one or two for the tail), every
 * user with at least 20 ratings and a long tail of heavy raters. The file goes to a temporary folder.
 *
 * --compare also runs scripts/reference/knn.py (numpy/scipy, dense item x item similarity) on the same
 * file with /usr/bin/python3, installing Debian's python3-sklearn when missing, and prints both medians,
 * the ratio and the share of identical top-10 lists. Ours runs on one thread; numpy's BLAS uses its
 * default (printed). Exit codes: 0 done, 1 failed, 2 bad arguments.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { itemKnn } from "../lib/reco/cf";
import { recommendAll } from "../lib/reco/scorer";
import { csrFromTriplets, type Csr } from "../lib/reco/sparse";
import { createRng } from "../lib/random";
import { readFlags } from "./cli";
import { ensureScikitLearn, loadAverage, median, runReference } from "./reference/python";

const USAGE = "usage: npm run bench:knn -- [--compare] [--reps 3] [--seed 1] [--k 100] [--shrink 100] [--top 10]";

const Flags = z.object({
  compare: z.boolean().default(false),
  reps: z.coerce.number().int().min(1).max(50).default(3),
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  k: z.coerce.number().int().min(1).max(1000).default(100),
  shrink: z.coerce.number().min(0).default(100),
  top: z.coerce.number().int().min(1).max(100).default(10),
});

const N_USERS = 943;
const N_ITEMS = 1682;
const TARGET_RATINGS = 100_000;

/** u.data-style lines "user<TAB>item<TAB>rating<TAB>timestamp", ids 1-based. */
function generateRatings(seed: number): string {
  const rng = createRng(seed);
  // Item popularity over a random order of items (so the head is not items 1..k): a power law with a
  // cut-off, (1 - r / items)^2 / (r + 5)^0.3 at rank r, tuned to MovieLens-100k's published shape (most
  // rated item ~580 ratings, median item ~27, ~140 items rated once).
  const order = Int32Array.from({ length: N_ITEMS }, (_, i) => i);
  for (let i = N_ITEMS - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const weight = new Float64Array(N_ITEMS);
  for (let r = 0; r < N_ITEMS; r++) weight[order[r]!] = (1 - r / N_ITEMS) ** 2 / Math.pow(r + 5, 0.3);
  const cumulative = new Float64Array(N_ITEMS);
  let acc = 0;
  for (let i = 0; i < N_ITEMS; i++) cumulative[i] = acc += weight[i]!;
  const quality = Float64Array.from({ length: N_ITEMS }, () => 0.45 * rng.normal());
  // User activity: 20 + a heavy (log-normal) tail, scaled to ~100k ratings in total, capped below the catalogue.
  const raw = Float64Array.from({ length: N_USERS }, () => Math.exp(1.1 * rng.normal()));
  const rawSum = raw.reduce((s, v) => s + v, 0);
  const lines: string[] = [];
  const taken = new Uint8Array(N_ITEMS);
  for (let u = 0; u < N_USERS; u++) {
    const count = Math.min(740, 20 + Math.round(((TARGET_RATINGS - 20 * N_USERS) * raw[u]!) / rawSum));
    const bias = 0.35 * rng.normal();
    taken.fill(0);
    let got = 0;
    while (got < count) {
      const target = rng.next() * acc;
      let lo = 0;
      let hi = N_ITEMS - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! <= target) lo = mid + 1;
        else hi = mid;
      }
      if (taken[lo] === 1) continue;
      taken[lo] = 1;
      got++;
      const rating = Math.min(5, Math.max(1, Math.round(3.55 + quality[lo]! + bias + 0.9 * rng.normal())));
      lines.push(`${u + 1}\t${lo + 1}\t${rating}\t${874_724_710 + rng.int(20_000_000)}`);
    }
  }
  return lines.join("\n") + "\n";
}

function parseRatings(text: string): Csr {
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const [u, i, r] = line.split("\t");
    rows.push(Number(u) - 1);
    cols.push(Number(i) - 1);
    vals.push(Number(r));
  }
  return csrFromTriplets(N_USERS, N_ITEMS, rows, cols, vals, "last");
}

function oursOnce(x: Csr, k: number, shrink: number, top: number): Int32Array {
  const model = itemKnn.fit(x, { k, shrink });
  return recommendAll(model, x, top);
}

async function main(): Promise<void> {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench:knn",
    usage: USAGE,
    options: {
      compare: { type: "boolean" },
      reps: { type: "string" },
      seed: { type: "string" },
      k: { type: "string" },
      shrink: { type: "string" },
      top: { type: "string" },
    },
    schema: Flags,
  });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-knn-"));
  try {
    const file = path.join(dir, "u.data");
    writeFileSync(file, generateRatings(flags.seed));
    const x = parseRatings(readFileSync(file, "utf8"));
    const active = new Set(x.indices).size;
    const itemCounts = new Int32Array(N_ITEMS);
    for (const i of x.indices) itemCounts[i]!++;
    const sortedCounts = Array.from(itemCounts).sort((a, b) => b - a);
    console.log(
      `generated ${file}: ${N_USERS} users x ${N_ITEMS} items, ${x.indices.length.toLocaleString("en-US")} ratings (${active} items rated; most rated ${sortedCounts[0]}, median ${sortedCounts[N_ITEMS >> 1]}, ${sortedCounts.filter((c) => c === 1).length} rated once)`,
    );
    console.log(
      `model: item-kNN, shrunk cosine, k = ${flags.k}, shrink = ${flags.shrink}; top-${flags.top} for every user, rated items excluded`,
    );

    oursOnce(x, flags.k, flags.shrink, flags.top); // warm-up: JIT
    const ours: number[] = [];
    let lists: Int32Array = new Int32Array(0);
    for (let r = 0; r < flags.reps; r++) {
      const t = performance.now();
      lists = oursOnce(x, flags.k, flags.shrink, flags.top);
      ours.push((performance.now() - t) / 1000);
    }
    const oursMedian = median(ours);
    console.log(
      `ours (TypeScript, 1 thread): ${ours.map((s) => s.toFixed(4)).join(", ")} s; median ${oursMedian.toFixed(4)} s`,
    );
    if (!flags.compare) return;

    ensureScikitLearn((line) => console.log(line));
    const outFile = path.join(dir, "reference-top.i32");
    const ref = runReference<{ seconds: number[]; threads: Record<string, number>; numpy: string; scipy: string }>(
      "knn.py",
      [
        file,
        String(N_USERS),
        String(N_ITEMS),
        String(flags.k),
        String(flags.shrink),
        String(flags.top),
        String(flags.reps),
        outFile,
      ],
    );
    const refMedian = median(ref.seconds);
    const theirs = new Int32Array(new Uint8Array(readFileSync(outFile)).buffer);
    let identical = 0;
    for (let u = 0; u < N_USERS; u++) {
      let same = true;
      for (let t = 0; t < flags.top; t++) if (lists[u * flags.top + t] !== theirs[u * flags.top + t]) same = false;
      if (same) identical++;
    }
    const threads = Object.entries(ref.threads)
      .map(([api, n]) => `${api} ${n}`)
      .join(", ");
    console.log(
      `numpy ${ref.numpy} / scipy ${ref.scipy} (dense item x item; threads: ${threads}): ${ref.seconds.map((s) => s.toFixed(4)).join(", ")} s; median ${refMedian.toFixed(4)} s`,
    );
    console.log(`ratio ours / numpy: ${(oursMedian / refMedian).toFixed(3)} (median of ${flags.reps} each)`);
    console.log(
      `identical top-${flags.top} lists: ${identical} / ${N_USERS} (${((100 * identical) / N_USERS).toFixed(1)} %)`,
    );
    console.log(`load: ${loadAverage()}`);
    console.log(
      JSON.stringify({
        ours_s: oursMedian,
        numpy_s: refMedian,
        ratio: oursMedian / refMedian,
        identical_lists: identical / N_USERS,
        users: N_USERS,
        threads: { ours: 1, numpy: ref.threads },
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("bench:knn failed:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
