/**
 * A/A (and A/B) simulation CLI: checks that lib/experiments' tests keep their promised error rates.
 *   npm run sim:aa -- --experiments N --visitors N [--peeks K] [--sequential [--tuning N]]
 *                     [--pre-correlation R --cuped] [--uplift U] [--rate R] [--seed S]
 * --peeks K looks at K equally spaced points and counts an experiment as positive if any look is
 * significant; --sequential analyses with the always-valid confidence sequence; --pre-correlation R
 * gives each visitor a pre-period covariate with correlation R to a continuous outcome and --cuped
 * analyses CUPED-adjusted data; --uplift U gives the treatment a true relative uplift U (then the
 * positive share is the power). Prints a short report, then one JSON line (the last line of stdout).
 * Exit codes: 0 ok, 2 bad flags.
 */
import { z } from "zod";
import { simulateAA } from "../lib/experiments/aa-simulation";
import { DEFAULT_SEQUENTIAL_TUNING } from "../lib/experiments/stats";
import { readFlags } from "./cli";

const USAGE =
  "usage: tsx scripts/sim-aa.ts [--experiments N] [--visitors N] [--peeks K] [--sequential] [--tuning N] " +
  "[--pre-correlation R --cuped] [--uplift U] [--rate R] [--seed N]";

// Work is experiments x visitors hash-and-draw steps; cap it so a typo cannot run for hours.
const MAX_WORK = 500_000_000;

const Flags = z
  .object({
    experiments: z.coerce.number().int().min(1).max(1_000_000).default(1000),
    visitors: z.coerce.number().int().min(4).max(100_000_000).default(2000),
    rate: z.coerce.number().gt(0).lt(1).default(0.05),
    seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
    peeks: z.coerce.number().int().min(1).max(1000).default(1),
    sequential: z.boolean().default(false),
    tuning: z.coerce.number().int().min(1).max(1_000_000_000).default(DEFAULT_SEQUENTIAL_TUNING),
    "pre-correlation": z.coerce.number().min(-0.99).max(0.99).optional(),
    cuped: z.boolean().default(false),
    uplift: z.coerce.number().min(-0.9).max(10).default(0),
  })
  .refine((f) => f.experiments * f.visitors <= MAX_WORK, {
    message: `experiments x visitors must be at most ${MAX_WORK.toLocaleString("en-US")}`,
  })
  .refine((f) => !f.cuped || f["pre-correlation"] !== undefined, { message: "--cuped needs --pre-correlation R" })
  .refine((f) => f.peeks <= f.visitors, { message: "--peeks must not exceed --visitors" });

function main(): void {
  const flags = readFlags(process.argv.slice(2), {
    script: "sim-aa",
    usage: USAGE,
    schema: Flags,
    options: {
      experiments: { type: "string" },
      visitors: { type: "string" },
      rate: { type: "string" },
      seed: { type: "string" },
      peeks: { type: "string" },
      sequential: { type: "boolean" },
      tuning: { type: "string" },
      "pre-correlation": { type: "string" },
      cuped: { type: "boolean" },
      uplift: { type: "string" },
    },
  });
  const alpha = 0.05;
  const preCorrelation = flags["pre-correlation"];
  const started = performance.now();
  const result = simulateAA({
    experiments: flags.experiments,
    visitors: flags.visitors,
    rate: flags.rate,
    seed: flags.seed,
    alpha,
    srmThreshold: 0.001,
    peeks: flags.peeks,
    sequentialTuning: flags.sequential ? flags.tuning : undefined,
    preCorrelation,
    cuped: flags.cuped,
    uplift: flags.uplift,
  });
  const seconds = (performance.now() - started) / 1000;

  const ab = flags.uplift !== 0;
  // Under A/A the false-positive count is Binomial(experiments, alpha): a 95% band for its rate.
  const halfWidth = 1.96 * Math.sqrt((alpha * (1 - alpha)) / flags.experiments);
  const band = `${Math.max(0, alpha - halfWidth).toFixed(3)}-${(alpha + halfWidth).toFixed(3)}`;
  const pct = (x: number) => x.toFixed(3);
  const fp = result.falsePositives;
  const test = flags.sequential ? `sequential (always-valid, tuning ${flags.tuning})` : "fixed-horizon";
  const outcome =
    preCorrelation === undefined
      ? `conversion rate ${flags.rate}`
      : `continuous outcome, pre-period covariate r = ${preCorrelation}${flags.cuped ? ", CUPED" : ""}`;
  const lines = [
    `${ab ? "A/B" : "A/A"} simulation: ${flags.experiments} experiments x ${flags.visitors} visitors, ${outcome}${ab ? `, true uplift ${flags.uplift}` : ""}, seed ${flags.seed}`,
    `  assignment: GrowthBook hash v1, 50/50; test: ${test}; ${flags.peeks} look(s); ${seconds.toFixed(1)} s`,
    ab
      ? `  power (share of experiments significant at any look, alpha ${alpha}):`
      : `  false-positive rate at alpha ${alpha}, any of ${flags.peeks} look(s) (expected ${alpha} for a valid test, 95% band ${band}):`,
    `    absolute difference   ${pct(result.falsePositiveRate.absolute)}  (${fp.absolute}/${flags.experiments})`,
    `    relative uplift       ${pct(result.falsePositiveRate.relative)}  (${fp.relative}/${flags.experiments})`,
    `  SRM flags at p < 0.001 (expected 0.001):  ${pct(result.srmFlagRate)}  (${result.srmFlags}/${flags.experiments})`,
    `  Bayesian chance to win outside 5-95% at the last look${ab ? "" : " (expected ~0.10)"}:  ${pct(result.bayesianDecisiveRate)}`,
  ];
  if (result.ciWidthRatio !== null) {
    const expected =
      preCorrelation === undefined ? "" : ` (sqrt(1 - r^2) = ${Math.sqrt(1 - preCorrelation ** 2).toFixed(3)})`;
    lines.push(
      `  CUPED: interval width ${pct(result.ciWidthRatio)} of the plain width${expected}; variance removed ${pct(result.varianceReduction ?? 0)}`,
    );
  }
  if (result.degenerate.absolute + result.degenerate.relative > 0) {
    lines.push(
      `  uninformative at the last look (e.g. no conversions): absolute ${result.degenerate.absolute}, relative ${result.degenerate.relative}`,
    );
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  process.stdout.write(
    `${JSON.stringify({
      experiments: flags.experiments,
      visitors: flags.visitors,
      peeks: flags.peeks,
      sequential: flags.sequential,
      ...(flags.sequential ? { tuning: flags.tuning } : {}),
      rate: flags.rate,
      seed: flags.seed,
      alpha,
      uplift: flags.uplift,
      // Under A/A these are false-positive rates; with --uplift they are rejection rates (power).
      fprAbsolute: result.falsePositiveRate.absolute,
      fprRelative: result.falsePositiveRate.relative,
      ...(ab ? { power: result.falsePositiveRate.absolute, powerRelative: result.falsePositiveRate.relative } : {}),
      ...(result.ciWidthRatio !== null
        ? { preCorrelation, ciWidthRatio: result.ciWidthRatio, varianceReduction: result.varianceReduction }
        : {}),
      srmFlagRate: result.srmFlagRate,
      bayesianDecisiveRate: result.bayesianDecisiveRate,
      degenerate: result.degenerate,
    })}\n`,
  );
}

main();
