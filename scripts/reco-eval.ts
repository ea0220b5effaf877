/**
 * Offline evaluation of the recommenders in lib/reco (contract in DESIGN.md, "Module contracts").
 *
 *   npx tsx scripts/reco-eval.ts --ratings FILE [--format auto|retail|ratings] [--split user|item]
 *     [--test-ratio 0.25] [--seed 42] [--k 10] [--models pop,itemknn,userknn,ease,served] [--min-rating N]
 *     [--tune-budget SECONDS]
 *   npx tsx scripts/reco-eval.ts --ratings FILE --split cross-domain --domains FILE --target NAME [...]
 *
 * Prints exactly one JSON object on stdout, { protocol, models: { <name>: { precision@k, recall@k,
 * ndcg@k, coverage, fit_s } } }; progress goes to stderr. Bad input (unreadable file, unparseable
 * columns, unknown model, out-of-range flag) prints one message on stderr and exits with code 2.
 * Models: pop, itemknn, userknn, ease, rp3beta, served (the shop's own pipeline: lib/reco/served.ts runs
 * the refresh's sources, tuner and blend on train; --tune-budget bounds its hyper-parameter search).
 * `--split cross-domain` (lib/reco/evaluate-cross-domain.ts) reads an item<TAB>domain file, holds out a
 * seeded share of two-domain users' whole target-domain history and ranks target-domain items only;
 * it takes the single models and served (default pop,itemknn,userknn,ease,rp3beta,served), pop being
 * target-domain popularity and served the shop's cross-domain slot (art_for_learners logic: walk from
 * the other domains' history, rank the target's items). --domains and --target are required with it and refused without it.
 *
 * Hyperparameters (DEFAULT_PARAMS in lib/reco/evaluate.ts) were chosen on a validation split of the
 * Online Retail *training* part (user split, seed 42, then a further 25% of each training user held out
 * with seed 7), not on the reported test split; the comment above DEFAULT_PARAMS lists what was tried.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { evaluateDataset, MODEL_NAMES, type ModelName } from "../lib/reco/evaluate";
import { CROSS_DOMAIN_MODELS, evaluateCrossDomain } from "../lib/reco/evaluate-cross-domain";
import { DatasetError, parseDataset, parseDomainsText } from "../lib/reco/ratings-file";
import { fitServedCrossDomain } from "../lib/reco/served";
import { readFlags } from "./cli";

const USAGE =
  "usage: npx tsx scripts/reco-eval.ts --ratings FILE [--format auto|retail|ratings] [--split user|item] " +
  `[--test-ratio 0.25] [--seed 42] [--k 10] [--models ${MODEL_NAMES.join(",")}] [--min-rating N] [--tune-budget 120]\n` +
  "       npx tsx scripts/reco-eval.ts --ratings FILE --split cross-domain --domains FILE --target NAME " +
  `[--test-ratio 0.25] [--seed 42] [--k 10] [--models ${[...CROSS_DOMAIN_MODELS, "served"].join(",")}] [--min-rating N]`;

const DEFAULT_MODELS = {
  plain: "pop,itemknn,userknn,ease,served",
  "cross-domain": [...CROSS_DOMAIN_MODELS, "served"].join(","),
};

const numberFlag = (name: string) =>
  z
    .string()
    .trim()
    .refine((s) => s !== "" && Number.isFinite(Number(s)), `--${name} must be a number`)
    .transform(Number);

const Flags = z
  .object({
    ratings: z.string({ error: "--ratings FILE is required" }).min(1, "--ratings FILE is required"),
    format: z
      .enum(["auto", "retail", "ratings"], { error: "--format must be auto, retail or ratings" })
      .default("auto"),
    split: z
      .enum(["user", "item", "cross-domain"], { error: "--split must be user, item or cross-domain" })
      .default("user"),
    domains: z.string().optional(),
    target: z.string().trim().optional(),
    "test-ratio": numberFlag("test-ratio")
      .pipe(z.number().gt(0, "--test-ratio must be in (0, 1)").lt(1, "--test-ratio must be in (0, 1)"))
      .default(0.25),
    seed: numberFlag("seed").pipe(z.number().int("--seed must be an integer")).default(42),
    k: numberFlag("k")
      .pipe(z.number().int("--k must be a positive integer").min(1, "--k must be a positive integer"))
      .default(10),
    models: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined) return undefined; // the default depends on --split, see below
        const names = [
          ...new Set(
            s
              .split(",")
              .map((m) => m.trim())
              .filter((m) => m !== ""),
          ),
        ];
        const known: readonly string[] = [...new Set<string>([...MODEL_NAMES, ...CROSS_DOMAIN_MODELS])];
        const unknown = names.filter((m) => !known.includes(m));
        if (unknown.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `unknown model(s) ${unknown.join(", ")}; known: ${known.join(", ")}`,
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
    "tune-budget": numberFlag("tune-budget")
      .pipe(z.number().gt(0, "--tune-budget must be a positive number of seconds"))
      .default(120),
  })
  .superRefine((f, ctx) => {
    // The domain flags mean something only to the cross-domain split; silently ignoring them elsewhere
    // would report a plain split as if it were the one asked for.
    const cross = f.split === "cross-domain";
    for (const flag of ["domains", "target"] as const) {
      if (cross && f[flag] === undefined)
        ctx.addIssue({ code: "custom", message: `--${flag} is required with --split cross-domain` });
      if (!cross && f[flag] !== undefined)
        ctx.addIssue({ code: "custom", message: `--${flag} only applies to --split cross-domain` });
    }
  });

class UsageError extends Error {}

const parseFlags = (argv: string[]) =>
  readFlags(argv, {
    script: "reco-eval",
    usage: USAGE,
    schema: Flags,
    options: Object.fromEntries(
      [
        "ratings",
        "format",
        "split",
        "domains",
        "target",
        "test-ratio",
        "seed",
        "k",
        "models",
        "min-rating",
        "tune-budget",
      ].map((f) => [f, { type: "string" }] as const),
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
  if (flags.split === "cross-domain") {
    const domainsFile = flags.domains!;
    let domainsText: string;
    try {
      domainsText = readFileSync(domainsFile, "utf8");
    } catch (e) {
      throw new UsageError(
        `cannot read domains file ${domainsFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const report = evaluateCrossDomain(dataset, parseDomainsText(domainsText), {
      target: flags.target!,
      testRatio: flags["test-ratio"],
      seed: flags.seed,
      k: flags.k,
      models: flags.models ?? DEFAULT_MODELS["cross-domain"].split(","),
      minRating: flags["min-rating"],
      clock: () => performance.now() / 1000,
      log,
      source: basename(flags.ratings),
      domainsSource: basename(domainsFile),
      extraRecommenders: {
        served: (train, domainOf, target) => {
          const t0 = performance.now();
          const served = fitServedCrossDomain(train, domainOf, target, {
            seed: flags.seed,
            tuneBudgetMs: flags["tune-budget"] * 1000,
            log,
          });
          return { recommend: (user, n) => served.recommend(user, n), seconds: (performance.now() - t0) / 1000 };
        },
      },
    });
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const report = evaluateDataset(dataset, {
    split: flags.split,
    testRatio: flags["test-ratio"],
    seed: flags.seed,
    k: flags.k,
    models: flags.models ?? (DEFAULT_MODELS.plain.split(",") as ModelName[]),
    minRating: flags["min-rating"],
    tuneBudgetMs: flags["tune-budget"] * 1000,
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
