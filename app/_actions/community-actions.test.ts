/**
 * Community and privacy server actions are public endpoints: a missing session, a wrong role, someone
 * else's content or malformed input must come back as a FormState error (never a throw) and write
 * nothing; valid input from the right person goes through.
 */
import { and, eq, isNull } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { comments, creators, events, follows, products, reports, reviews, users, works } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { CONSENT_COOKIE } from "@/lib/visitor";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { signInAs } from "@/test/session-mock";

const session = vi.hoisted(() => ({ cookies: new Map<string, string>() }));
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("@/lib/auth/auth-js", () => ({
  signOut: async ({ redirectTo }: { redirectTo: string }) => {
    throw new Error(`NEXT_REDIRECT ${redirectTo}`);
  },
}));
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (session.cookies.has(name) ? { name, value: session.cookies.get(name) } : undefined),
    set: (c: { name: string; value: string }) => session.cookies.set(c.name, c.value),
  }),
}));

const { submitReviewAction } = await import("./reviews");
const { postCommentAction, reportAction, moderateAction } = await import("./comments");
const { followAction } = await import("./follows");
const { publishWorkAction, deleteWorkAction } = await import("./works");
const { setAnalyticsChoiceAction, deleteAccountAction } = await import("./privacy");

let fresh: FreshDb;
let db: Db;
let alice: AccountUser;
let bob: AccountUser;
let admin: AccountUser;
let productId: string;
let creatorId: string;

async function account(email: string, role: AccountUser["role"] = "consumer"): Promise<AccountUser> {
  const [u] = await db
    .insert(users)
    .values({ email, name: email.split("@")[0], role })
    .returning({ id: users.id });
  return { id: u!.id, email, name: email.split("@")[0]!, role };
}

const form = (fields: Record<string, string | Blob | undefined>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) fd.append(k, v);
  return fd;
};
const as = (user: AccountUser | null, consent?: string) => {
  signInAs(user);
  session.cookies.clear();
  if (consent) session.cookies.set(CONSENT_COOKIE, consent);
};
const counts = async () => ({
  reviews: await db.$count(reviews),
  comments: await db.$count(comments),
  reports: await db.$count(reports),
  follows: await db.$count(follows),
  works: await db.$count(works),
  users: await db.$count(users),
});
const png = () =>
  sharp({ create: { width: 300, height: 300, channels: 3, background: { r: 5, g: 5, b: 5 } } })
    .png()
    .toBuffer();

beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  alice = await account("alice@actions.test");
  bob = await account("bob@actions.test");
  admin = await account("root@actions.test", "admin");
  const [p] = await db
    .select({ id: products.id, creatorId: products.creatorId })
    .from(products)
    .where(eq(products.status, "published"))
    .limit(1);
  productId = p!.id;
  creatorId = p!.creatorId;
});
afterAll(() => fresh?.dispose());

describe("community actions refuse without writing", () => {
  it("answers sign_in_required to every action when signed out", async () => {
    as(null);
    const before = await counts();
    const calls = [
      submitReviewAction(null, form({ productId, rating: "5" })),
      postCommentAction(null, form({ productId, body: "hi" })),
      reportAction(null, form({ targetKind: "comment", targetId: "x" })),
      moderateAction(null, form({ targetKind: "comment", targetId: "x", hide: "1" })),
      followAction(null, form({ targetKind: "creator", targetId: creatorId, follow: "1" })),
      publishWorkAction(null, form({ productId, title: "t", image: new Blob([await png()], { type: "image/png" }) })),
      deleteWorkAction(null, form({ workId: "x" })),
      setAnalyticsChoiceAction(null, form({ choice: "analytics" })),
      deleteAccountAction(null, form({ confirmEmail: alice.email })),
    ];
    for (const result of await Promise.all(calls))
      expect(result).toMatchObject({ ok: false, error: "sign_in_required" });
    expect(await counts()).toEqual(before);
    expect(session.cookies.size).toBe(0);
  });

  it("answers malformed input with form messages", async () => {
    as(alice);
    const before = await counts();
    expect(await submitReviewAction(null, form({ productId, rating: "9", body: "x" }))).toMatchObject({
      ok: false,
      error: "invalid_input",
      fieldErrors: { rating: "rating_required" },
    });
    expect(await submitReviewAction(null, form({ productId: "no-such", rating: "4" }))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await postCommentAction(null, form({ productId, body: "   " }))).toMatchObject({
      ok: false,
      fieldErrors: { body: "comment_required" },
    });
    expect(await postCommentAction(null, form({ productId, parentId: "not-a-comment", body: "reply" }))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await reportAction(null, form({ targetKind: "product", targetId: productId }))).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expect(await reportAction(null, form({ targetKind: "review", targetId: "nobody:nothing" }))).toMatchObject({
      ok: false,
      error: "not_found",
    });
    expect(await followAction(null, form({ targetKind: "user", targetId: alice.id, follow: "1" }))).toMatchObject({
      ok: false,
      error: "follow_self",
    });
    expect(await followAction(null, form({ targetKind: "creator", targetId: creatorId, follow: "yes" }))).toMatchObject(
      { ok: false, error: "invalid_input" },
    );
    expect(await publishWorkAction(null, form({ productId, title: "No image" }))).toMatchObject({
      ok: false,
      fieldErrors: { image: "image_required" },
    });
    expect(
      await publishWorkAction(
        null,
        form({ productId, title: "Fake", image: new Blob(["not an image at all"], { type: "image/png" }) }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { image: "image_not_an_image" } });
    expect(
      await publishWorkAction(
        null,
        form({ productId, title: " ", image: new Blob([await png()], { type: "image/png" }) }),
      ),
    ).toMatchObject({ ok: false, fieldErrors: { title: "title_required" } });
    expect(await setAnalyticsChoiceAction(null, form({ choice: "everything" }))).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expect(await deleteAccountAction(null, form({ confirmEmail: "someone@else.test" }))).toMatchObject({
      ok: false,
      fieldErrors: { confirmEmail: "confirm_email_mismatch" },
    });
    expect(await counts()).toEqual(before);
    expect(session.cookies.size).toBe(0);
  });

  it("lets only admins moderate and only the author delete a work", async () => {
    as(alice);
    expect(await postCommentAction(null, form({ productId, body: "A real question" }))).toEqual({ ok: true });
    expect(
      await publishWorkAction(
        null,
        form({ productId, title: "Alice's study", image: new Blob([await png()], { type: "image/png" }) }),
      ),
    ).toEqual({ ok: true });
    const [comment] = await db.select({ id: comments.id }).from(comments).where(eq(comments.userId, alice.id));
    const [work] = await db.select({ id: works.id }).from(works).where(eq(works.userId, alice.id));

    as(bob);
    expect(await moderateAction(null, form({ targetKind: "comment", targetId: comment!.id, hide: "1" }))).toMatchObject(
      { ok: false, error: "forbidden" },
    );
    expect(await deleteWorkAction(null, form({ workId: work!.id }))).toMatchObject({ ok: false, error: "not_found" });
    expect(await db.$count(comments, and(eq(comments.id, comment!.id), isNull(comments.hiddenAt)))).toBe(1);
    expect(await db.$count(works, eq(works.id, work!.id))).toBe(1);

    as(admin);
    expect(await moderateAction(null, form({ targetKind: "comment", targetId: comment!.id, hide: "1" }))).toEqual({
      ok: true,
    });
    expect(
      (await db.select({ h: comments.hiddenAt }).from(comments).where(eq(comments.id, comment!.id)))[0]?.h,
    ).not.toBeNull();

    as(alice);
    expect(await deleteWorkAction(null, form({ workId: work!.id }))).toEqual({ ok: true });
    expect(await db.$count(works, eq(works.id, work!.id))).toBe(0);
  });
});

describe("consent", () => {
  it("logs review and follow events only with analytics consent; the review and follow are stored either way", async () => {
    const [second] = await db
      .select({ id: products.id })
      .from(products)
      .where(eq(products.status, "published"))
      .offset(1)
      .limit(1);
    const eventsOf = (type: "review" | "follow") =>
      db.$count(events, and(eq(events.userId, bob.id), eq(events.type, type)));
    as(bob, "necessary");
    expect(await submitReviewAction(null, form({ productId, rating: "4" }))).toEqual({ ok: true });
    expect(await followAction(null, form({ targetKind: "creator", targetId: creatorId, follow: "1" }))).toEqual({
      ok: true,
    });
    expect(await db.$count(reviews, eq(reviews.userId, bob.id))).toBe(1);
    expect(await db.$count(follows, eq(follows.followerId, bob.id))).toBe(1);
    expect([await eventsOf("review"), await eventsOf("follow")]).toEqual([0, 0]);

    as(bob, "analytics");
    expect(await submitReviewAction(null, form({ productId: second!.id, rating: "5" }))).toEqual({ ok: true });
    expect(await followAction(null, form({ targetKind: "user", targetId: alice.id, follow: "1" }))).toEqual({
      ok: true,
    });
    expect([await eventsOf("review"), await eventsOf("follow")]).toEqual([1, 1]);
  });

  it("the privacy page's choice sets the consent cookie", async () => {
    as(alice);
    expect(await setAnalyticsChoiceAction(null, form({ choice: "necessary" }))).toMatchObject({ ok: true });
    expect(session.cookies.get(CONSENT_COOKIE)).toBe("necessary");
  });
});

describe("account deletion action", () => {
  it("deletes the signed-in account after the email is confirmed, then signs out", async () => {
    const carol = await account("carol@actions.test");
    as(carol);
    await expect(deleteAccountAction(null, form({ confirmEmail: "  CAROL@actions.test " }))).rejects.toThrow(
      "NEXT_REDIRECT /?account=deleted",
    );
    expect(await db.$count(users, eq(users.id, carol.id))).toBe(0);
    expect(await db.$count(creators)).toBeGreaterThan(0);
  });
});
