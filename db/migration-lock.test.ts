import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

// Needs a PostgreSQL server (PGlite is one process and cannot race): runs in the server pass of npm test.
const serverUrl = process.env.DATABASE_URL;
const name = `atelier_migrate_${process.pid}`;
let admin: pg.Client;

describe.skipIf(!serverUrl)("migrations on a shared server", () => {
  const url = () => {
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    return u.toString();
  };

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("lets instances that start at the same moment take turns: all start, each migration applied once", async () => {
    const started = await Promise.allSettled(Array.from({ length: 4 }, () => openDatabase({ url: url() })));
    const failures = started.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
    for (const r of started) if (r.status === "fulfilled") await r.value.close();
    expect(failures).toEqual([]);

    const check = new pg.Client({ connectionString: url() });
    await check.connect();
    try {
      const { rows } = await check.query<{ hash: string; n: string }>(
        "select hash, count(*) as n from drizzle.__drizzle_migrations group by hash",
      );
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.n === "1")).toBe(true);
      // The lock is released: nobody holds it once the instances are up.
      const held = await check.query(
        "select 1 from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())",
      );
      expect(held.rowCount).toBe(0);
    } finally {
      await check.end();
    }
  });
});
