import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listTopics } from "@/lib/catalog/queries";
import { getCatalogueDb, getDb, openDatabase, useDatabase, type DbHandle } from "./client";
import { databaseConfig } from "./config";
import { tags } from "./schema";

// Replicas are a PostgreSQL server feature: runs in the server pass of npm test.
const serverUrl = process.env.DATABASE_URL;
const names = { primary: `atelier_primary_${process.pid}`, replica: `atelier_replica_${process.pid}` };
let admin: pg.Client;
let handle: DbHandle;

const urlOf = (name: string) => {
  const u = new URL(serverUrl!);
  u.pathname = `/${name}`;
  return u.toString();
};

describe.skipIf(!serverUrl)("read replicas", () => {
  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const name of Object.values(names)) {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.query(`create database "${name}"`);
    }
    // No streaming replication here: the "replica" is a second database with different rows, so the
    // test can tell which one a read went to.
    const replica = await openDatabase({ url: urlOf(names.replica) });
    await replica.db.insert(tags).values({ slug: "only-on-replica", name: "Replica", nameZh: "副本", topic: "test" });
    await replica.close();
    handle = await openDatabase({ url: urlOf(names.primary), replicaUrls: [urlOf(names.replica)] });
    useDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
    for (const name of Object.values(names)) await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it("sends catalogue reads to a replica and everything else to the primary", async () => {
    await (await getDb()).insert(tags).values({ slug: "written-to-primary", name: "P", nameZh: "主", topic: "test" });
    // The catalogue reads the replica: it sees the replica's row, not the one just written to the primary.
    const topics = await listTopics();
    expect(topics.flatMap((t) => t.tags.map((tag) => tag.slug))).toEqual(["only-on-replica"]);
    // Writes, and reads through getDb() (carts, checkout, accounts), stay on the primary.
    const primary = await (await getDb()).select({ slug: tags.slug }).from(tags);
    expect(primary.map((t) => t.slug)).toEqual(["written-to-primary"]);
    // A write through the catalogue database still goes to the primary.
    await (await getCatalogueDb()).insert(tags).values({ slug: "via-catalogue", name: "C", nameZh: "目", topic: "t" });
    expect(await (await getDb()).$count(tags)).toBe(2);
  });
});

describe("DATABASE_REPLICA_URLS", () => {
  it("is read as a list from the environment and refuses what is not a URL", () => {
    expect(
      databaseConfig({ DATABASE_REPLICA_URLS: " postgres://a/x , postgres://b/x " }).DATABASE_REPLICA_URLS,
    ).toEqual(["postgres://a/x", "postgres://b/x"]);
    expect(databaseConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(() => databaseConfig({ DATABASE_REPLICA_URLS: "not a url" })).toThrow(/not a URL/);
  });
});
