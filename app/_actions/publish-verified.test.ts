/**
 * Creators and marketers must verify their address before publishing: publishing a product and
 * launching a campaign refuse with a form message until then, while drafts stay possible.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { products, users } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { createCreator, fixtureTag } from "@/lib/commerce/fixtures";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({
  refresh: () => undefined,
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
}));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));

const studio = await import("./studio-products");
const campaigns = await import("./campaigns");

let db: Db;
let creator: AccountUser;
const tag = fixtureTag();
setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  const mine = await createCreator(db, tag, 7);
  await db.update(users).set({ emailVerified: null }).where(eq(users.id, mine.userId));
  creator = { id: mine.userId, email: "c@x", name: "C", role: "creator" };
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const artwork = {
  kind: "artwork",
  title: `Verify ${Date.now()}`,
  price: "100",
  medium: "Ink",
  widthCm: "10",
  heightCm: "10",
  year: "2020",
  editionSize: "3",
  stock: "3",
};
const countByTitle = async () =>
  (await db.select({ id: products.id }).from(products).where(eq(products.title, artwork.title))).length;

describe("publishing needs a verified address", () => {
  it("refuses to publish a product until the address is verified; a draft is fine", async () => {
    signInAs(creator);
    expect(await studio.createProductAction(null, form({ ...artwork, status: "published" }))).toEqual({
      ok: false,
      error: "account.verifyBeforePublishing",
    });
    expect(await countByTitle()).toBe(0);
    await studio.createProductAction(null, form({ ...artwork, status: "draft" })).catch(() => undefined);
    expect(await countByTitle()).toBe(1);
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, creator.id));
    await studio.createProductAction(null, form({ ...artwork, status: "published" })).catch(() => undefined);
    expect(await countByTitle()).toBe(2);
  });

  it("refuses to launch a campaign until the marketer's address is verified", async () => {
    const [m] = await db
      .insert(users)
      .values({ email: `marketer-${tag}@verify.test`, name: "M", role: "marketer" })
      .returning({ id: users.id });
    signInAs({ id: m!.id, email: "m@x", name: "M", role: "marketer" });
    expect(await campaigns.campaignStatusAction(null, form({ id: "no-such-campaign", action: "launch" }))).toEqual({
      ok: false,
      error: "email_unverified",
    });
    // Other transitions are not held back by it (this one fails for its own reason: no such campaign).
    expect(await campaigns.campaignStatusAction(null, form({ id: "no-such-campaign", action: "pause" }))).not.toEqual({
      ok: false,
      error: "email_unverified",
    });
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, m!.id));
    expect(await campaigns.campaignStatusAction(null, form({ id: "no-such-campaign", action: "launch" }))).not.toEqual({
      ok: false,
      error: "email_unverified",
    });
  });
});
