/**
 * Account settings actions are public endpoints: a missing session or malformed input comes back as a
 * FormState error (never a throw) and writes nothing; each action changes the caller's own row only,
 * whatever ids the form carries; passwords are never echoed back to the page.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { outbox, users } from "@/db/schema";
import { authenticate, registerUser, signUpSchema, type AccountUser } from "@/lib/auth/accounts";
import { createSession, getSessionUser } from "@/lib/auth/sessions";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { signInAs } from "@/test/session-mock";

const session = vi.hoisted(() => ({
  updates: 0,
  refreshes: 0,
  lastUpdate: undefined as unknown,
}));
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "192.0.2.44" }) }));
vi.mock("@/lib/auth/auth-js", () => ({
  updateSession: async (data: unknown) => {
    session.updates += 1;
    session.lastUpdate = data;
    return null;
  },
}));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));
vi.mock("next/cache", () => ({
  refresh: () => {
    session.refreshes += 1;
  },
}));

const {
  changeNameAction,
  changePasswordAction,
  changeEmailAction,
  endOtherSessionsAction,
  endSessionAction,
  resendVerificationAction,
} = await import("./account");

let fresh: FreshDb;
let db: Db;
let alice: AccountUser;
let bob: AccountUser;
const PASSWORD = "alice-paints-2026";

const form = (fields: Record<string, string | Blob>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const rows = async () => db.select().from(users).orderBy(users.id);
const as = (user: AccountUser | null, sid: string | null = null) => {
  signInAs(user, sid);
};
const device = (user: AccountUser) => createSession(db, { userId: user.id, userAgent: "test", ipPrefix: null });
const mailsTo = async (to: string) =>
  (await db.select().from(outbox)).map((r) => r.payload as { to: string; subject: string }).filter((m) => m.to === to);

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.db;
  useDatabase({ db, driver: fresh.driver, close: fresh.dispose });
  const register = async (name: string, email: string) => {
    const r = await registerUser(db, signUpSchema.parse({ name, email, password: PASSWORD }));
    if (!r.ok) throw new Error("expected registration");
    return r.user;
  };
  alice = await register("Alice", "alice@settings.test");
  bob = await register("Bob", "bob@settings.test");
});
afterAll(() => fresh?.dispose());
beforeEach(() => {
  session.updates = 0;
  session.refreshes = 0;
});

describe("account settings actions refuse without writing", () => {
  it("answers sign_in_required when signed out", async () => {
    as(null);
    const before = await rows();
    const results = await Promise.all([
      changeNameAction(null, form({ name: "Mallory" })),
      changePasswordAction(
        null,
        form({ currentPassword: PASSWORD, newPassword: "mallory-owns-1", confirmPassword: "mallory-owns-1" }),
      ),
      changeEmailAction(null, form({ email: "mallory@settings.test", currentPassword: PASSWORD })),
    ]);
    for (const result of results) expect(result).toEqual({ ok: false, error: "sign_in_required" });
    expect(await rows()).toEqual(before);
    expect([session.updates, session.refreshes]).toEqual([0, 0]);
  });

  it("answers malformed requests with form messages, never a throw", async () => {
    as(alice);
    const before = await rows();
    const file = new Blob(["not text"], { type: "text/plain" });
    expect(await changeNameAction(null, form({}))).toMatchObject({
      ok: false,
      error: "invalid_input",
      fieldErrors: { name: expect.any(String) },
    });
    expect(await changeNameAction(null, form({ name: file }))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await changeNameAction(null, form({ name: "\u0000" }))).toMatchObject({
      ok: false,
      fieldErrors: { name: "text_invalid_characters" },
    });
    expect(await changeNameAction(null, form({ name: "y".repeat(10_000) }))).toMatchObject({
      ok: false,
      fieldErrors: { name: "name_too_long" },
    });
    expect(await changePasswordAction(null, form({ newPassword: "fine-password-1" }))).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expect(
      await changePasswordAction(
        null,
        form({ currentPassword: file, newPassword: "fine-password-1", confirmPassword: "fine-password-1" }),
      ),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    expect(
      await changeEmailAction(null, form({ email: "x".repeat(300) + "@settings.test", currentPassword: PASSWORD })),
    ).toMatchObject({ ok: false, error: "invalid_input" });
    // A hand-made request can put anything where the FormData should be.
    for (const action of [changeNameAction, changePasswordAction, changeEmailAction]) {
      for (const junk of [null, undefined, "name=Mallory", 42, { name: "Mallory" }, [["name", "Mallory"]]])
        expect(await action(null, junk as unknown as FormData)).toEqual({ ok: false, error: "invalid_input" });
    }
    expect(await rows()).toEqual(before);
    expect([session.updates, session.refreshes]).toEqual([0, 0]);
  });

  it("refuses a wrong current password and a weak new one, and never sends a password back", async () => {
    as(alice);
    const before = await rows();
    const wrong = await changePasswordAction(
      null,
      form({ currentPassword: "guessing-wrong-1", newPassword: "new-password-22", confirmPassword: "new-password-22" }),
    );
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: "current_password_wrong" } });
    const weak = await changePasswordAction(
      null,
      form({ currentPassword: PASSWORD, newPassword: "weakweak", confirmPassword: "weakweak" }),
    );
    expect(weak).toMatchObject({
      ok: false,
      error: "invalid_input",
      fieldErrors: { newPassword: "password_too_short" },
    });
    const mismatch = await changePasswordAction(
      null,
      form({ currentPassword: PASSWORD, newPassword: "new-password-22", confirmPassword: "new-password-23" }),
    );
    expect(mismatch).toMatchObject({ ok: false, fieldErrors: { confirmPassword: "password_mismatch" } });
    for (const result of [wrong, weak, mismatch])
      expect(JSON.stringify(result)).not.toMatch(/guessing-wrong-1|weakweak|new-password-2|alice-paints/);
    const wrongForEmail = await changeEmailAction(
      null,
      form({ email: "alice2@settings.test", currentPassword: "guessing-wrong-1" }),
    );
    expect(wrongForEmail).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: "current_password_wrong" },
      values: { email: "alice2@settings.test" },
    });
    expect(JSON.stringify(wrongForEmail)).not.toContain("guessing-wrong-1");
    expect(await rows()).toEqual(before);
  });

  it("answers an address in use with a form message, not a server error", async () => {
    as(alice);
    const before = await rows();
    expect(
      await changeEmailAction(null, form({ email: "BOB@settings.test", currentPassword: PASSWORD })),
    ).toMatchObject({ ok: false, fieldErrors: { email: "email_in_use" } });
    expect(await rows()).toEqual(before);
  });
});

describe("account settings actions change the caller's own row", () => {
  it("renames the caller, ignoring ids in the form, and refreshes the session and page", async () => {
    as(alice);
    const bobBefore = (await db.select().from(users).where(eq(users.id, bob.id)))[0];
    expect(await changeNameAction(null, form({ name: "  Alice Liddell ", userId: bob.id, id: bob.id }))).toEqual({
      ok: true,
      values: { name: "Alice Liddell" },
    });
    expect((await db.select({ name: users.name }).from(users).where(eq(users.id, alice.id)))[0]?.name).toBe(
      "Alice Liddell",
    );
    expect((await db.select().from(users).where(eq(users.id, bob.id)))[0]).toEqual(bobBefore);
    expect([session.updates, session.refreshes]).toEqual([1, 1]);
  });

  it("changes the password: the new one signs in, the old one no longer does; Bob's other devices are signed out, this one stays", async () => {
    const [here, there] = [await device(bob), await device(bob)];
    const aliceDevice = await device(alice);
    as(bob, here);
    const aliceBefore = (await db.select().from(users).where(eq(users.id, alice.id)))[0];
    expect(
      await changePasswordAction(
        null,
        form({
          currentPassword: PASSWORD,
          newPassword: "bob-builds-2027",
          confirmPassword: "bob-builds-2027",
          userId: alice.id,
        }),
      ),
    ).toEqual({ ok: true });
    expect(await authenticate(db, bob.email, "bob-builds-2027")).toMatchObject({ id: bob.id });
    expect(await authenticate(db, bob.email, PASSWORD)).toBeNull();
    expect((await db.select().from(users).where(eq(users.id, alice.id)))[0]).toEqual(aliceBefore);
    expect(await getSessionUser(db, bob.id, here)).not.toBeNull();
    expect(await getSessionUser(db, bob.id, there)).toBeNull();
    expect(await getSessionUser(db, alice.id, aliceDevice)).not.toBeNull();
  });

  it("signs out everywhere else: the caller's other devices only", async () => {
    as(null);
    expect(await endOtherSessionsAction(null, form({}))).toEqual({ ok: false, error: "sign_in_required" });
    const [here, there, bobs] = [await device(alice), await device(alice), await device(bob)];
    as(alice, here);
    expect(await endOtherSessionsAction(null, form({ userId: bob.id }))).toEqual({ ok: true });
    expect(await getSessionUser(db, alice.id, here)).not.toBeNull();
    expect(await getSessionUser(db, alice.id, there)).toBeNull();
    expect(await getSessionUser(db, bob.id, bobs)).not.toBeNull();
  });

  it("signs out one device of the caller's own; another's session or this one is refused", async () => {
    const [here, there, bobs] = [await device(alice), await device(alice), await device(bob)];
    as(null);
    expect(await endSessionAction(null, form({ sessionId: there }))).toEqual({ ok: false, error: "sign_in_required" });
    as(alice, here);
    expect(await endSessionAction(null, form({ sessionId: bobs }))).toEqual({ ok: false, error: "not_found" });
    expect(await getSessionUser(db, bob.id, bobs)).not.toBeNull();
    expect(await endSessionAction(null, form({ sessionId: here }))).toEqual({ ok: false, error: "invalid_input" });
    expect(await endSessionAction(null, form({ sessionId: "x".repeat(500) }))).toMatchObject({
      ok: false,
      error: "invalid_input",
    });
    expect(await endSessionAction(null, form({ sessionId: there }))).toEqual({ ok: true });
    expect(await getSessionUser(db, alice.id, there)).toBeNull();
    expect(await getSessionUser(db, alice.id, here)).not.toBeNull();
  });

  it("asks for an email change: a link goes to the new address and the address stays until it is opened", async () => {
    as(alice);
    const before = (await db.select().from(users).where(eq(users.id, alice.id)))[0];
    expect(
      await changeEmailAction(null, form({ email: " Alice.New@Settings.test ", currentPassword: PASSWORD })),
    ).toEqual({ ok: true, values: { email: "alice.new@settings.test", pending: "alice.new@settings.test" } });
    expect((await db.select().from(users).where(eq(users.id, alice.id)))[0]).toEqual(before);
    expect(await mailsTo("alice.new@settings.test")).toEqual([
      expect.objectContaining({ subject: "Confirm your new email address for Atelier" }),
    ]);
  });

  it("limits email-change requests per account, with the real wait in the message", async () => {
    as(bob);
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(
        await changeEmailAction(null, form({ email: `bob${i}@elsewhere.test`, currentPassword: "bob-builds-2027" })),
      );
    expect(results.slice(0, 5).every((r) => r?.ok)).toBe(true);
    expect(results[5]).toEqual({
      ok: false,
      error: "too_many_attempts",
      values: { email: "bob5@elsewhere.test", retryMinutes: "15" },
    });
    expect(await mailsTo("bob5@elsewhere.test")).toEqual([]);
  });

  it("resends the verification link to the caller, three times an hour", async () => {
    as(null);
    expect(await resendVerificationAction(null, form({}))).toEqual({ ok: false, error: "sign_in_required" });
    as(alice);
    const before = (await mailsTo(alice.email)).length;
    for (let i = 0; i < 3; i++) expect(await resendVerificationAction(null, form({}))).toEqual({ ok: true });
    expect(await resendVerificationAction(null, form({}))).toMatchObject({ ok: false, error: "too_many_attempts" });
    expect((await mailsTo(alice.email)).length).toBe(before + 3);
  });
});
