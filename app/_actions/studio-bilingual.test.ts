/**
 * The studio's product editor saves both languages (issue 17): the Chinese twins beside the English
 * fields, optional (empty = not written, so the shop falls back to English), under the same
 * authorisation as before.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { artworkDetails, courseSections, creators, lessons, products } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { createArtwork, createCourse, createCreator, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const studio = await import("./studio-products");
const { updateProfileAction } = await import("./studio-profile");

let db: Db;
const tag = fixtureTag();
let creator: AccountUser;
let otherCreator: AccountUser;
let artwork: string;
let course: Awaited<ReturnType<typeof createCourse>>;
let creatorId: string;

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  const theirs = await createCreator(db, tag, 1);
  creator = { id: fx.creator.userId, email: "c@x", name: "C", role: "creator" };
  otherCreator = { id: theirs.userId, email: "o@x", name: "O", role: "creator" };
  artwork = await createArtwork(db, tag, { creatorId: fx.creator.creatorId, editionSize: 3, priceAmount: 10_000 });
  course = await createCourse(db, tag, { creatorId: fx.creator.creatorId });
  creatorId = fx.creator.creatorId;
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

const edit = (over: Record<string, string> = {}) =>
  form({
    kind: "artwork",
    productId: artwork,
    title: "Misty peaks",
    subtitle: "Ink on paper",
    description: "A quiet landscape.",
    titleZh: "烟雨·群峰",
    subtitleZh: "纸本水墨",
    descriptionZh: "一幅安静的山水。",
    price: "100",
    medium: "Ink on xuan paper",
    mediumZh: "纸本水墨（宣纸）",
    provenance: "From the artist.",
    provenanceZh: "得自艺术家本人。",
    widthCm: "40",
    heightCm: "60",
    year: "2024",
    editionSize: "3",
    stock: "3",
    expectedStock: "3",
    ...over,
  });

async function stored() {
  const [p] = await db.select().from(products).where(eq(products.id, artwork));
  const [a] = await db.select().from(artworkDetails).where(eq(artworkDetails.productId, artwork));
  return { p: p!, a: a! };
}

describe("studio product editor, both languages", () => {
  it("saves the English and the Chinese side together", async () => {
    signInAs(creator);
    expect(await studio.updateProductAction(null, edit())).toMatchObject({ ok: true });
    const { p, a } = await stored();
    expect(p).toMatchObject({ title: "Misty peaks", titleZh: "烟雨·群峰", subtitleZh: "纸本水墨" });
    expect(p.descriptionZh).toBe("一幅安静的山水。");
    expect(a).toMatchObject({
      medium: "Ink on xuan paper",
      mediumZh: "纸本水墨（宣纸）",
      provenanceZh: "得自艺术家本人。",
    });
  });

  it("treats an empty Chinese field as not written, and still requires the English title", async () => {
    signInAs(creator);
    expect(await studio.updateProductAction(null, edit({ titleZh: "  ", mediumZh: "" }))).toMatchObject({ ok: true });
    const { p, a } = await stored();
    expect(p.titleZh).toBeNull();
    expect(a.mediumZh).toBeNull();
    expect(p.subtitleZh).toBe("纸本水墨");
    const refused = await studio.updateProductAction(null, edit({ title: "", titleZh: "只有中文" }));
    expect(refused).toMatchObject({ ok: false });
    expect((await stored()).p.title).toBe("Misty peaks");
  });

  it("refuses an over-long Chinese text and another creator's edit, writing nothing", async () => {
    signInAs(creator);
    expect(await studio.updateProductAction(null, edit({ titleZh: "长".repeat(161) }))).toMatchObject({ ok: false });
    signInAs(otherCreator);
    expect(await studio.updateProductAction(null, edit({ titleZh: "别人的标题" }))).toMatchObject({
      ok: false,
      error: "studioProducts.errors.forbidden",
    });
    expect((await stored()).p.titleZh).toBeNull();
  });
});

describe("studio course structure, both languages", () => {
  it("renames a section and edits a lesson in both languages; an English-only form keeps the Chinese", async () => {
    signInAs(creator);
    const [section] = await db.select().from(courseSections).where(eq(courseSections.productId, course.productId));
    const rename = (fields: Record<string, string>) =>
      studio.renameSectionAction(null, form({ sectionId: section!.id, ...fields }));
    expect(await rename({ title: "Getting started", titleZh: "准备开始" })).toMatchObject({ ok: true });
    expect(await rename({ title: "First steps" })).toMatchObject({ ok: true });
    const [renamed] = await db.select().from(courseSections).where(eq(courseSections.id, section!.id));
    expect(renamed).toMatchObject({ title: "First steps", titleZh: "准备开始" });

    const lessonId = course.lessonIds[0]!;
    const update = (fields: Record<string, string>) =>
      studio.updateLessonAction(
        null,
        form({ lessonId, title: "Welcome", durationMinutes: "8", body: "Hello", ...fields }),
      );
    expect(await update({ titleZh: "欢迎", bodyZh: "## 欢迎\n\n你好" })).toMatchObject({ ok: true });
    let [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson).toMatchObject({ title: "Welcome", titleZh: "欢迎", bodyZh: "## 欢迎\n\n你好" });
    expect(await update({ titleZh: "", bodyZh: "" })).toMatchObject({ ok: true });
    [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId));
    expect(lesson).toMatchObject({ titleZh: null, bodyZh: null });

    signInAs(otherCreator);
    expect(await rename({ title: "Hijacked", titleZh: "被改" })).toMatchObject({ ok: false });
    const [after] = await db.select().from(courseSections).where(eq(courseSections.id, section!.id));
    expect(after?.titleZh).toBe("准备开始");
  });
});

describe("studio profile, both languages", () => {
  it("saves the creator's own name, bio and location in both languages", async () => {
    signInAs(creator);
    const saved = await updateProfileAction(
      null,
      form({
        name: "Lin Mei",
        nameZh: "林梅",
        bio: "Ink painter.",
        bioZh: "水墨画家。",
        location: "Hangzhou",
        locationZh: "杭州",
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    const [row] = await db.select().from(creators).where(eq(creators.id, creatorId));
    expect(row).toMatchObject({ name: "Lin Mei", nameZh: "林梅", bioZh: "水墨画家。", locationZh: "杭州" });
  });

  it("keeps the English name required, and lets only creators save", async () => {
    signInAs(creator);
    expect(await updateProfileAction(null, form({ name: " ", nameZh: "林梅" }))).toMatchObject({ ok: false });
    signInAs({ ...creator, role: "consumer" });
    expect(await updateProfileAction(null, form({ name: "Someone", bioZh: "别人" }))).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    const [row] = await db.select().from(creators).where(eq(creators.id, creatorId));
    expect(row).toMatchObject({ name: "Lin Mei", bioZh: "水墨画家。" });
  });
});
