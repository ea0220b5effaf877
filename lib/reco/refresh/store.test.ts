import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { getRecommendations } from "../read";
import { emptyRecoRows, type RecoRows } from "./recommend";
import { insertRecommendationRows, publishGeneration, publishedGeneration, stageGeneration } from "./store";

let fresh: FreshDb;
let db: Db;
let productIds: string[];
const READER = "store-test-reader";

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from product where status = 'published' and kind = 'course' order by slug limit 3`,
  );
  productIds = rows.map((r) => r.id);
}, 120_000);

afterAll(async () => {
  await fresh?.dispose();
});

const noParts = { clusters: [], userClusters: { userId: [], clusterId: [] }, neighbours: emptyNeighbours() };

function emptyNeighbours() {
  return { productId: [], neighborId: [], score: [], source: [] };
}

/** A one-item "for you" list for READER recommending productIds[i]. */
function listOf(i: number): RecoRows {
  const rows = emptyRecoRows();
  rows.userKey.push(READER);
  rows.slot.push("for_you");
  rows.rank.push(1);
  rows.productId.push(productIds[i]!);
  rows.score.push(1);
  rows.source.push("itemknn");
  rows.kind.push("popular");
  rows.reasonItem.push(null);
  rows.relation.push(null);
  rows.tag.push(null);
  rows.creator.push(null);
  return rows;
}

async function stageList(i: number): Promise<number> {
  const { generation } = await stageGeneration(db, noParts);
  await insertRecommendationRows(db, generation, listOf(i));
  return generation;
}

const publish = (g: number) => publishGeneration(db, g, { stats: {}, refreshedAt: new Date() });
const shown = async () => (await getRecommendations(db, { userId: READER, slot: "for_you", limit: 4 })).items;
const generationsStored = async () =>
  (await queryRows<{ g: number }>(db, sql`select distinct generation as g from recommendation order by 1`)).map(
    (r) => r.g,
  );

describe("staged generations", () => {
  it("stay invisible until published, then replace the old lists whole", async () => {
    const first = await stageList(0);
    expect((await getRecommendations(db, { userId: READER, slot: "for_you", limit: 4 })).basis).toBe("fallback");
    expect((await publish(first)).published).toBe(true);
    expect((await shown()).map((i) => i.id)).toEqual([productIds[0]]);

    const second = await stageList(1);
    expect(second).toBeGreaterThan(first);
    expect((await shown()).map((i) => i.id)).toEqual([productIds[0]]);
    await publish(second);
    expect((await shown()).map((i) => i.id)).toEqual([productIds[1]]);
    expect(await generationsStored()).toEqual([second]);
  });

  it("never publishes a generation older than the one readers see, and drops its rows", async () => {
    const older = await stageList(0);
    const newer = await stageList(2);
    expect((await publish(newer)).published).toBe(true);
    const late = await publish(older);
    expect(late.published).toBe(false);
    expect(await publishedGeneration(db)).toBe(newer);
    expect((await shown()).map((i) => i.id)).toEqual([productIds[2]]);
    expect(await generationsStored()).toEqual([newer]);
  });

  it("gives a refresh that died while staging no reuse of its number, and clears its rows on the next publish", async () => {
    const crashed = await stageList(0);
    const next = await stageList(1);
    expect(next).toBeGreaterThan(crashed);
    expect(await generationsStored()).toContain(crashed);
    await publish(next);
    expect(await generationsStored()).toEqual([next]);
    expect((await shown()).map((i) => i.id)).toEqual([productIds[1]]);
  });
});
