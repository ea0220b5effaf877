/**
 * Raw SQL on either driver: typed rows from a query (`queryRows`, the one helper for this in the code
 * base), and bulk inserts through `unnest` of array parameters (the recommendation refresh, tracking).
 *
 * Why array literals built here: a multi-row VALUES insert needs one bind parameter per cell and
 * PostgreSQL allows 65,535, so 1.5M recommendation rows would take hundreds of statements and most of a
 * minute. With one text parameter per column (`unnest($1::text[], $2::int[], ...)`) a chunk of 50,000
 * rows is one statement, and the same SQL works on node-postgres and PGlite because the driver only ever
 * sees plain strings.
 */
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/** Rows of a raw query, a select or a write with `returning` (both drivers put them on `.rows`). */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const dialect = new PgDialect();

/**
 * `queryRows` as a named prepared statement, for hot reads whose SQL text is fixed (values only in
 * parameters). PostgreSQL then parses the statement once per connection and, after a few executions,
 * reuses a generic plan: for a many-join read that is most of its cost (planning a reader's
 * recommendations took 4 ms of 5). The name is a hash of the text, so different texts never share
 * one. PGlite ignores the name and plans each time, as before.
 */
export async function queryRowsPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const compiled = dialect.sqlToQuery(query);
  const name = `q_${createHash("sha1").update(compiled.sql).digest("base64url").slice(0, 20)}`;
  const prepared = db._.session.prepareQuery(compiled, undefined, name, false);
  const result = (await prepared.execute()) as unknown as { rows: T[] };
  return result.rows;
}

const NEEDS_ESCAPE = /["\\]/;

function quoteElement(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"` : `"${value}"`;
}

/** A PostgreSQL array literal ('{"a","b",NULL}') for text, numbers or nulls. */
export function pgArrayLiteral(values: ArrayLike<string | number | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new RangeError(`pgArrayLiteral: ${v} is not a finite number`);
      parts[i] = String(v);
    } else parts[i] = quoteElement(v);
  }
  return `{${parts.join(",")}}`;
}

export type InputColumn = { type: "text" | "int" | "real" | "smallint"; values: ArrayLike<string | number | null> };

/**
 * `insert into <table> (columns) select <select> from unnest($1::type[], ...) as u(c0, c1, ...)` in
 * chunks of `chunkSize` rows. `select` defaults to the inputs in order ("c0, c1, ..."); a custom one can
 * add constants or build values (e.g. jsonb_build_object) from the inputs.
 */
export async function bulkInsert(
  db: Executor,
  spec: {
    table: string;
    columns: readonly string[];
    inputs: readonly InputColumn[];
    select?: string;
    chunkSize?: number;
  },
): Promise<number> {
  const { table, columns, inputs, chunkSize = 50_000 } = spec;
  const select = spec.select ?? inputs.map((_, c) => `c${c}`).join(", ");
  const n = inputs[0]?.values.length ?? 0;
  for (const col of inputs)
    if (col.values.length !== n) throw new RangeError(`bulkInsert(${table}): input columns differ in length`);
  const names = sql.raw(columns.map((c) => `"${c}"`).join(", "));
  const aliases = sql.raw(inputs.map((_, c) => `c${c}`).join(", "));
  const run = async (query: SQL) => {
    try {
      await db.execute(query);
    } catch (error) {
      // The driver's error carries every parameter: megabytes of array literals. Keep the cause only.
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw new Error(`bulkInsert(${table}) failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
  };
  // The next chunk's literals are built (synchronously) while the database inserts the previous one.
  let pending: Promise<void> | null = null;
  for (let start = 0; start < n; start += chunkSize) {
    const end = Math.min(n, start + chunkSize);
    const args = sql.join(
      inputs.map((input) => {
        const slice = Array.prototype.slice.call(input.values, start, end) as (string | number | null)[];
        return sql`${pgArrayLiteral(slice)}::${sql.raw(input.type)}[]`;
      }),
      sql`, `,
    );
    const query = sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${sql.raw(select)} from unnest(${args}) as u(${aliases})`;
    if (pending) await pending;
    pending = run(query);
  }
  if (pending) await pending;
  return n;
}
