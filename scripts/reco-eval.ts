/**
 * Offline evaluation of the recommenders in lib/reco (contract in DESIGN.md, "Module contracts").
 *
 *   npx tsx scripts/reco-eval.ts --ratings FILE [--format auto|retail|ratings] [--split user|item]
 *     [--test-ratio 0.25] [--seed 42] [--k 10] [--models pop,itemknn,userknn,ease,rp3beta,hybrid,als] [--min-rating N]
 *
 * Prints exactly one JSON object on stdout, { protocol, models: { <name>: { precision@k, recall@k,
 * ndcg@k, coverage, fit_s } } }; progress goes to stderr. Bad input (unreadable file, unparseable
 * columns, unknown model, out-of-range flag) prints one message on stderr and exits with code 2.
 * Models: pop, itemknn, userknn, ease, rp3beta, hybrid (itemknn + ease + pop, blended by hybrid.ts), als
 * (implicit matrix factorisation, linear in interactions: the strong model past EASE's maxItems).
 *
 * Hyperparameters (DEFAULT_PARAMS in lib/reco/evaluate.ts) were chosen on a validation split of the
 * Online Retail *training* part (user split, seed 42, then a further 25% of each training user held out
 * with seed 7), not on the reported test split; the comment above DEFAULT_PARAMS lists what was tried.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { evaluateDataset, MODEL_NAMES, type ModelName } from "../lib/reco/evaluate";
import { DatasetError, parseDataset } from "../lib/reco/ratings-file";
import { readFlags } from "./cli";

const USAGE =
  "usage: npx tsx scripts/reco-eval.ts --ratings FILE [--format auto|retail|ratings] [--split user|item] " +
  `[--test-ratio 0.25] [--seed 42] [--k 10] [--models ${MODEL_NAMES.join(",")}] [--min-rating N]`;

const numberFlag = (name: string) =>
  z
    .string()
    .trim()
    .refine((s) => s !== "" && Number.isFinite(Number(s)), `--${name} must be a number`)
    .transform(Number);

const Flags = z.object({
  ratings: z.string({ error: "--ratings FILE is required" }).min(1, "--ratings FILE is required"),
  format: z.enum(["auto", "retail", "ratings"], { error: "--format must be auto, retail or ratings" }).default("auto"),
  split: z.enum(["user", "item"], { error: "--split must be user or item" }).default("user"),
  "test-ratio": numberFlag("test-ratio")
    .pipe(z.number().gt(0, "--test-ratio must be in (0, 1)").lt(1, "--test-ratio must be in (0, 1)"))
    .default(0.25),
  seed: numberFlag("seed").pipe(z.number().int("--seed must be an integer")).default(42),
  k: numberFlag("k")
    .pipe(z.number().int("--k must be a positive integer").min(1, "--k must be a positive integer"))
    .default(10),
  models: z
    .string()
    .default("pop,itemknn,userknn,ease,hybrid")
    .transform((s, ctx) => {
      const names = [
        ...new Set(
          s
            .split(",")
            .map((m) => m.trim())
            .filter((m) => m !== ""),
        ),
      ];
      const unknown = names.filter((m) => !(MODEL_NAMES as readonly string[]).includes(m));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `unknown model(s) ${unknown.join(", ")}; known: ${MODEL_NAMES.join(", ")}`,
        });
        return z.NEVER;
      }
      if (names.length === 0) {
        ctx.addIssue({ code: "custom", message: "--models lists no model" });
        return z.NEVER;
      }
      return names as ModelName[];
    }),
  "min-rating": numberFlag("min-rating").optional(),
});

class UsageError extends Error {}

const parseFlags = (argv: string[]) =>
  readFlags(argv, {
    script: "reco-eval",
    usage: USAGE,
    schema: Flags,
    options: Object.fromEntries(
      ["ratings", "format", "split", "test-ratio", "seed", "k", "models", "min-rating"].map(
        (f) => [f, { type: "string" }] as const,
      ),
    ),
  });

function main(): void {
  const flags = parseFlags(process.argv.slice(2));
  let text: string;
  try {
    text = readFileSync(flags.ratings, "utf8");
  } catch (e) {
    throw new UsageError(
      `cannot read ratings file ${flags.ratings}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const log = (message: string) => process.stderr.write(`[reco-eval] ${message}\n`);
  const dataset = parseDataset(text, flags.format);
  log(`parsed ${dataset.interactions.length} rows (${dataset.format}, ${dataset.skipped} skipped)`);
  const report = evaluateDataset(dataset, {
    split: flags.split,
    testRatio: flags["test-ratio"],
    seed: flags.seed,
    k: flags.k,
    models: flags.models,
    minRating: flags["min-rating"],
    clock: () => performance.now() / 1000,
    log,
    source: basename(flags.ratings),
  });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError || e instanceof DatasetError || e instanceof RangeError) {
    process.stderr.write(`reco-eval: ${e.message}\n`);
    process.exit(2);
  }
  throw e;
}
