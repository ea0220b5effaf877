import { bigint, text, timestamp, type AnyPgColumn, type UpdateDeleteAction } from "drizzle-orm/pg-core";

/**
 * Column builders the schema files share, so a key or a timestamp is declared one way everywhere.
 * Each is a function: a drizzle builder belongs to the one table it is placed in.
 */

/** Text primary key, a random UUID made by the app on insert (no database default). */
export const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());

/** Numeric primary key from a database identity, for append-only logs. */
export const identityId = () => bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity();

/** A timestamp with time zone, the only kind the schema stores. */
export const timestamptz = <TName extends string>(name: TName) => timestamp(name, { withTimezone: true });

/** When the row was written. */
export const createdAt = () => timestamptz("created_at").notNull().defaultNow();

/** When the row was last changed; callers set it on update. */
export const updatedAt = () => timestamptz("updated_at").notNull().defaultNow();

/**
 * A text column that references another table's id. The delete rule is spelled out at every use, as
 * it is the decision that matters; chain `.notNull()`, `.unique()` or `.primaryKey()` where needed.
 */
export const fk = <TName extends string>(name: TName, target: () => AnyPgColumn, onDelete: UpdateDeleteAction) =>
  text(name).references(target, { onDelete });
