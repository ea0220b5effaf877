import { parseArgs } from "node:util";
import type { z } from "zod";

type FlagOptions = Record<string, { type: "string" | "boolean" }>;

/**
 * Command-line flags of a script, read strictly (`--name value` or `--name=value`, no positionals,
 * unknown flags refused) and then validated by `schema`. `--help`/`-h` prints `usage` and exits 0.
 * A bad flag prints `<script>: <what is wrong>` and the usage on stderr and exits with code 2; an empty
 * value counts as a missing one, since it would coerce to 0 and pass some checks by accident.
 */
export function readFlags<Schema extends z.ZodType>(
  argv: string[],
  spec: { script: string; usage: string; options: FlagOptions; schema: Schema },
): z.output<Schema> {
  const fail = (message: string): never => {
    process.stderr.write(`${spec.script}: ${message}\n${spec.usage}\n`);
    process.exit(2);
  };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${spec.usage}\n`);
    process.exit(0);
  }
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value.trim() === "") fail(`--${key} needs a value`);
  }
  const parsed = spec.schema.safeParse(values);
  if (!parsed.success) {
    // Name the flag unless the message already does ("--k must be a positive integer").
    const named = (i: z.core.$ZodIssue) =>
      i.path.length && !i.message.startsWith(`--${i.path.join(".")}`)
        ? `--${i.path.join(".")}: ${i.message}`
        : i.message;
    return fail(parsed.error.issues.map(named).join("; "));
  }
  return parsed.data;
}
