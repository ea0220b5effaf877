/**
 * A/A simulation CLI: checks that lib/experiments' tests keep their promised false-positive rate.
 *   npx tsx scripts/sim-aa.ts [--experiments 1000] [--visitors 2000] [--rate 0.05] [--seed 1]
 * Prints a short report, then one JSON line (the last line of stdout) for machines.
 * Exit codes: 0 ok, 2 bad flags.
 */
import { z } from "zod";
import { simulateAA } from "../lib/experiments/aa-simulation";
import { readFlags } from "./cli";

const USAGE = "usage: tsx scripts/sim-aa.ts [--experiments N] [--visitors N] [--rate R] [--seed N]";

// Work is experiments x visitors hash-and-draw steps; cap it so a typo cannot run for hours.
const MAX_WORK = 500_000_000;

const Flags = z
  .object({
    experiments: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    visitors: z.coerce.number().int().min(4).max(100_000_000).default(2000),
    rate: z.coerce.number().gt(0).lt(1).default(0.05),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  })
  .refine((f) => f.experiments * f.visitors <= MAX_WORK, {
    message: `experiments x visitors must be at most ${MAX_WORK.toLocaleString("en-US")}`,
  });

function main(): void {
  const flags = readFlags(process.argv.slice(2), {
    script: "sim-aa",
    usage: USAGE,
    schema: Flags,
    options: { experiments: { type: "string" }, visitors: { type: "string" }, rate: { type: "string" }, seed: { type: "string" } },
  });
  const alpha = 0.05;
  const started = performance.now();
  const result = simulateAA({ ...flags, alpha, srmThreshold: 0.001 });
  const seconds = (performance.now() - started) / 1000;

  // Under A/A the false-positive count is Binomial(experiments, alpha): a 95% band for its rate.
  const halfWidth = 1.96 * Math.sqrt((alpha * (1 - alpha)) / flags.experiments);
  const band = `${Math.max(0, alpha - halfWidth).toFixed(3)}-${(alpha + halfWidth).toFixed(3)}`;
  const pct = (x: number) => x.toFixed(3);
  const fp = result.falsePositives;
  const lines = [
    `A/A simulation: ${flags.experiments} experiments x ${flags.visitors} visitors, conversion rate ${flags.rate}, seed ${flags.seed}`,
    `  assignment: GrowthBook hash v2, 50/50; ${seconds.toFixed(1)} s`,
    `  false-positive rate at alpha ${alpha} (expected ${alpha}, 95% band ${band}):`,
    `    absolute difference (Welch t)    ${pct(result.falsePositiveRate.absolute)}  (${fp.absolute}/${flags.experiments})`,
    `    relative uplift (delta method)   ${pct(result.falsePositiveRate.relative)}  (${fp.relative}/${flags.experiments})`,
    `  SRM flags at p < 0.001 (expected 0.001):  ${pct(result.srmFlagRate)}  (${result.srmFlags}/${flags.experiments})`,
    `  Bayesian chance to win outside 5-95% (expected ~0.10):  ${pct(result.bayesianDecisiveRate)}`,
  ];
  if (result.degenerate.absolute + result.degenerate.relative > 0) {
    lines.push(
      `  uninformative (e.g. no conversions), counted as negatives: absolute ${result.degenerate.absolute}, relative ${result.degenerate.relative}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(
    `${JSON.stringify({
      experiments: flags.experiments,
      visitors: flags.visitors,
      rate: flags.rate,
      seed: flags.seed,
      alpha,
      fprAbsolute: result.falsePositiveRate.absolute,
      fprRelative: result.falsePositiveRate.relative,
      srmFlagRate: result.srmFlagRate,
      bayesianDecisiveRate: result.bayesianDecisiveRate,
      degenerate: result.degenerate,
    })}\n`,
  );
}

main();
