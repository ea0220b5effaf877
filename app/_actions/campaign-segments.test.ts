/**
 * Segment targeting end to end on a real database: a small synthetic population, a real refresh that
 * names its segments, the marketer's save action choosing one (zod and the role check are the real ones),
 * then the rule the landing render applies: members keep their variant and are counted, everyone else
 * sees the control and is not.
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { campaigns, type Role } from "@/db/schema";
import { queryRows } from "@/db/rows";
import type { AccountUser } from "@/lib/auth/accounts";
import { demoCampaignInput } from "@/lib/campaigns/fixtures";
import { transitionCampaign } from "@/lib/campaigns/store";
import { loadRuntimeExperiments } from "@/lib/experiments/store/config-source";
import { applySegmentTargeting } from "@/lib/experiments/targeting";
import { getCurrentSegments, getSegmentsOf, type SegmentChoice } from "@/lib/reco/read";
import { refreshRecommendations } from "@/lib/reco/refresh/refresh";
import { generatePopulation } from "@/lib/seed/population";
import { seedId } from "@/lib/seed/ids";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { redirectOf } from "@/test/redirect-mock";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ updateTag: () => undefined }));
// Requests from the English pages: their redirects stay unprefixed.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));

const { saveCampaignAction } = await import("./campaigns");

let fresh: FreshDb;
let db: Db;
let segments: SegmentChoice[];

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  useDatabase({ db, driver: fresh.driver, close: async () => {} });
  await generatePopulation(db, { users: 400, events: 8_000, seed: 3 });
  await refreshRecommendations(db, {});
  segments = (await getCurrentSegments(db)).segments;
}, 120_000);
afterAll(async () => {
  await fresh?.dispose();
});

const marketer: AccountUser = {
  id: seedId("user", "marketer@atelier.test"),
  email: "marketer@atelier.test",
  name: "Marketer",
  role: "marketer",
};
const person = (role: Role): AccountUser => ({ id: randomUUID(), email: `${role}@seg.test`, name: role, role });

function saveForm(slug: string, segmentKeys: string[]): FormData {
  const fd = new FormData();
  const input = demoCampaignInput();
  fd.set(
    "payload",
    JSON.stringify({
      ...input,
      slug,
      name: `Segment test ${slug}`,
      audience: { ...input.audience, segments: segmentKeys },
    }),
  );
  return fd;
}

async function memberAndOutsider(key: string): Promise<{ member: string; outsider: string }> {
  const target = segments.find((s) => s.key === key)!;
  const rows = await queryRows<{ user_id: string; cluster_id: number }>(
    db,
    sql`select uc.user_id, uc.cluster_id from user_cluster uc join reco_state s on s.generation = uc.generation
      order by uc.user_id`,
  );
  return {
    member: rows.find((r) => Number(r.cluster_id) === target.clusterId)!.user_id,
    outsider: rows.find((r) => Number(r.cluster_id) !== target.clusterId)!.user_id,
  };
}

describe("segments from a refresh", () => {
  it("are several, named in both languages, with unique keys", () => {
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(new Set(segments.map((s) => s.key)).size).toBe(segments.length);
    for (const s of segments) {
      expect(s.name.en).not.toMatch(/^Cluster/);
      expect(s.name.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(s.size).toBeGreaterThan(0);
    }
  });
});

describe("a campaign targeting a segment", () => {
  it("is saved by a marketer with the segment, and reaches the proxy as a segment-targeted experiment", async () => {
    const key = segments[0]!.key;
    signInAs(marketer);
    const to = await redirectOf(saveCampaignAction(null, saveForm("segment-target", [key])));
    expect(to).toMatch(/^\/studio\/campaigns\/.+\?saved=1$/);
    const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, "segment-target"));
    expect(row!.audience.segments).toEqual([key]);
    expect((await transitionCampaign(db, row!.id, "launch")).ok).toBe(true);
    const runtime = (await loadRuntimeExperiments(db)).find((e) => e.slug === "segment-target");
    expect(runtime?.audience.clusters).toBe(true);
  });

  it("refuses a segment the refresh does not have, a cluster number, and callers who are not marketers", async () => {
    signInAs(marketer);
    expect(await saveCampaignAction(null, saveForm("segment-unknown", ["ink-wash+nothing:mixed"]))).toMatchObject({
      ok: false,
      fieldErrors: { "audience.segments.0": "unknown_segment" },
    });
    expect(await saveCampaignAction(null, saveForm("segment-number", ["2"]))).toMatchObject({
      ok: false,
      fieldErrors: { "audience.segments.0": "invalid_segment" },
    });
    signInAs(person("consumer"));
    expect(await saveCampaignAction(null, saveForm("segment-consumer", [segments[0]!.key]))).toEqual({
      ok: false,
      error: "forbidden",
    });
    const [n] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from campaign where slug like 'segment-%'`,
    );
    expect(n!.n).toBe(1);
  });

  it("counts members with their variant and shows everyone else the control, uncounted", async () => {
    const key = segments[0]!.key;
    const { member, outsider } = await memberAndOutsider(key);
    const control = { position: 0 };
    const treatment = { position: 1 };
    const assigned = { variant: treatment, counted: true, source: "assignment" as const };
    const decide = (userId: string | null, visitorId: string) =>
      applySegmentTargeting(assigned, {
        targeted: [key],
        control,
        memberOf: () => getSegmentsOf(db, { userId, visitorId }),
      });

    expect(await getSegmentsOf(db, { userId: member, visitorId: "v-member" })).toEqual([key]);
    expect(await decide(member, "v-member")).toEqual(assigned);
    expect(await decide(outsider, "v-outsider")).toEqual({ variant: control, counted: false, source: "control" });
    // A visitor who is not signed in belongs to no segment.
    expect(await decide(null, "v-anonymous")).toMatchObject({ variant: control, counted: false });
  });
});
