import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creators, products, users, works } from "@/db/schema";
import { deleteAccount } from "@/lib/privacy/account-data";
import { readUpload } from "@/lib/uploads/images";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { listWorksForCreator, listWorksForProduct, publishWork, workInputSchema, WORK_RATE } from "./works";

let fresh: FreshDb;
let student: string;
let course: { id: string; creatorId: string };

const png = (w: number, h: number) =>
  sharp({ create: { width: w, height: h, channels: 3, background: { r: 40, g: 60, b: 90 } } })
    .png()
    .toBuffer();
const input = (v: Record<string, unknown>) => workInputSchema.parse(v);

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  const [u] = await fresh.db
    .insert(users)
    .values({ email: "student@works.test", name: "Sam Student", role: "consumer" })
    .returning({ id: users.id });
  student = u!.id;
  [course] = (await fresh.db
    .select({ id: products.id, creatorId: products.creatorId })
    .from(products)
    .where(eq(products.kind, "course"))
    .limit(1)) as [typeof course];
});
afterAll(() => fresh?.dispose());

describe("co-creation works", () => {
  it("publishes an image re-encoded as WebP within 1600 px, shown on the product and the creator's gallery", async () => {
    const result = await publishWork(
      fresh.db,
      student,
      input({ productId: course.id, title: "My first bamboo", story: "After lesson 3.", tags: "Ink, bamboo, ink" }),
      await png(2400, 1200),
    );
    if (!result.ok) throw new Error(result.code);
    const [row] = await fresh.db.select().from(works).where(eq(works.id, result.id));
    expect(row).toMatchObject({ width: 1600, height: 800, tags: ["ink", "bamboo"] });
    const stored = (await readUpload("works", row!.imageFile))!;
    expect((await sharp(stored).metadata()).format).toBe("webp");
    expect((await listWorksForProduct(fresh.db, course.id)).map((w) => w.title)).toEqual(["My first bamboo"]);
    expect((await listWorksForCreator(fresh.db, course.creatorId)).map((w) => w.author)).toEqual(["Sam Student"]);
  });

  it("rejects a non-image renamed to .png, a tiny image and an oversized upload, writing nothing", async () => {
    const before = await fresh.db.$count(works);
    const fake = Buffer.from("<?php echo 'not an image'; ?>".repeat(20));
    expect(await publishWork(fresh.db, student, input({ productId: course.id, title: "x" }), fake)).toEqual({
      ok: false,
      code: "image_not_an_image",
    });
    expect(
      await publishWork(fresh.db, student, input({ productId: course.id, title: "x" }), await png(50, 50)),
    ).toEqual({ ok: false, code: "image_too_small" });
    expect(
      await publishWork(fresh.db, student, input({ productId: course.id, title: "x" }), Buffer.alloc(9 * 1024 * 1024)),
    ).toEqual({ ok: false, code: "image_too_large" });
    expect(await publishWork(fresh.db, student, input({ productId: "nope", title: "x" }), await png(300, 300))).toEqual(
      { ok: false, code: "not_found" },
    );
    expect(await fresh.db.$count(works)).toBe(before);
  });

  it("limits how many works one person publishes per day", async () => {
    const [u] = await fresh.db
      .insert(users)
      .values({ email: "prolific@works.test", name: "Pro", role: "consumer" })
      .returning({ id: users.id });
    const img = await png(300, 300);
    const now = new Date("2026-11-28T10:00:00Z");
    for (let i = 0; i < WORK_RATE.max; i++)
      expect((await publishWork(fresh.db, u!.id, input({ productId: course.id, title: `w${i}` }), img, now)).ok).toBe(
        true,
      );
    expect(await publishWork(fresh.db, u!.id, input({ productId: course.id, title: "one more" }), img, now)).toEqual({
      ok: false,
      code: "rate_limited",
    });
  });

  it("validates title, story and tags with message keys", () => {
    expect(workInputSchema.safeParse({ productId: "x", title: " " }).error?.issues[0]?.message).toBe("title_required");
    expect(
      workInputSchema.safeParse({ productId: "x", title: "t", tags: "a,b,c,d,e,f,g,h,i" }).error?.issues[0]?.message,
    ).toBe("too_many_tags");
  });

  it("removes the person's uploaded files when they delete their account", async () => {
    const files = (await fresh.db.select({ f: works.imageFile }).from(works).where(eq(works.userId, student))).map(
      (r) => r.f,
    );
    expect(files.length).toBeGreaterThan(0);
    expect(await deleteAccount(fresh.db, student)).toEqual({ ok: true });
    for (const f of files) expect(await readUpload("works", f)).toBeNull();
    expect(await fresh.db.$count(works, eq(works.userId, student))).toBe(0);
    expect((await fresh.db.select().from(creators).limit(1)).length).toBe(1);
  });
});

describe("moderating works", () => {
  it("a reported work hidden by an admin leaves every gallery", async () => {
    const { reportContent, setHidden, listModerationQueue } = await import("./moderation");
    const [u] = await fresh.db
      .insert(users)
      .values({ email: "poster@works.test", name: "Poster", role: "consumer" })
      .returning({ id: users.id });
    const posted = await publishWork(
      fresh.db,
      u!.id,
      input({ productId: course.id, title: "Off-topic ad" }),
      await png(300, 300),
    );
    if (!posted.ok) throw new Error(posted.code);
    expect(await reportContent(fresh.db, u!.id, { targetKind: "work", targetId: posted.id, reason: "ad" })).toEqual({
      ok: true,
    });
    expect((await listModerationQueue(fresh.db)).map((i) => [i.targetKind, i.body])).toContainEqual([
      "work",
      "Off-topic ad",
    ]);
    expect(await setHidden(fresh.db, { targetKind: "work", targetId: posted.id }, true)).toEqual({ ok: true });
    expect((await listWorksForProduct(fresh.db, course.id)).some((w) => w.id === posted.id)).toBe(false);
    expect((await listWorksForCreator(fresh.db, course.creatorId)).some((w) => w.id === posted.id)).toBe(false);
  });
});

describe("deleting a work", () => {
  it("only its author (or an admin) may, and the row, its reports and the file go together", async () => {
    const { reportContent } = await import("./moderation");
    const { deleteWork, getWorkImageAccess } = await import("./works");
    const [a] = await fresh.db
      .insert(users)
      .values({ email: "owner@works.test", name: "Owner", role: "consumer" })
      .returning({ id: users.id });
    const [b] = await fresh.db
      .insert(users)
      .values({ email: "other@works.test", name: "Other", role: "consumer" })
      .returning({ id: users.id });
    const posted = await publishWork(
      fresh.db,
      a!.id,
      input({ productId: course.id, title: "Mine to remove" }),
      await png(300, 300),
    );
    if (!posted.ok) throw new Error(posted.code);
    const file = `${posted.id}.webp`;
    await reportContent(fresh.db, b!.id, { targetKind: "work", targetId: posted.id, reason: "" });

    expect(await deleteWork(fresh.db, { id: b!.id, isAdmin: false }, posted.id)).toEqual({ ok: false });
    expect(await readUpload("works", file)).not.toBeNull();
    expect(await getWorkImageAccess(fresh.db, file)).toEqual({ ownerId: a!.id, hidden: false });

    expect(await deleteWork(fresh.db, { id: a!.id, isAdmin: false }, posted.id)).toEqual({ ok: true });
    expect(await readUpload("works", file)).toBeNull();
    expect(await getWorkImageAccess(fresh.db, file)).toBeNull();
    const { reports } = await import("@/db/schema");
    expect(await fresh.db.$count(reports, eq(reports.targetId, posted.id))).toBe(0);
  });
});
