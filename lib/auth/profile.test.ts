import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { authenticate, getSessionUser, registerUser, signUpSchema, type AccountUser } from "./accounts";
import { changeDisplayName, changeEmail, changePassword, endOtherSessions } from "./profile";
import { sessionKeyDigest } from "./session-key";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.dispose());

let n = 0;
async function member(password = "first-password-1"): Promise<AccountUser> {
  n += 1;
  const result = await registerUser(fresh.db, signUpSchema.parse({ name: `Member ${n}`, email: `member${n}@profile.test`, password }));
  if (!result.ok) throw new Error("expected registration");
  return result.user;
}
const row = async (id: string) => (await fresh.db.select().from(users).where(eq(users.id, id)))[0]!;

describe("changeDisplayName", () => {
  it("stores the trimmed name on the caller's row only", async () => {
    const [me, other] = [await member(), await member()];
    expect(await changeDisplayName(fresh.db, me.id, { name: "  Mei Lin 林美  " })).toEqual({ ok: true });
    expect((await row(me.id)).name).toBe("Mei Lin 林美");
    expect((await row(other.id)).name).toBe(other.name);
  });

  it("refuses empty, too long and control-character names without writing", async () => {
    const me = await member();
    for (const [name, message] of [
      ["   ", "name_required"],
      ["x".repeat(81), "name_too_long"],
      ["Line\nbreak", "name_invalid"],
      ["Nul\u0000byte", "name_invalid"],
    ] as const)
      expect(await changeDisplayName(fresh.db, me.id, { name })).toEqual({ ok: false, code: "invalid", fieldErrors: { name: message } });
    expect((await row(me.id)).name).toBe(me.name);
    expect(await changeDisplayName(fresh.db, me.id, { name: "x".repeat(80) })).toEqual({ ok: true });
  });

  it("answers not_found for an unknown user", async () => {
    expect(await changeDisplayName(fresh.db, "00000000-0000-0000-0000-000000000000", { name: "Ghost" })).toEqual({ ok: false, code: "not_found" });
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and writes nothing", async () => {
    const me = await member();
    const before = await row(me.id);
    const result = await changePassword(fresh.db, me.id, { currentPassword: "not-my-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" });
    expect(result).toEqual({ ok: false, code: "wrong_password" });
    expect(await row(me.id)).toEqual(before);
    expect(await authenticate(fresh.db, me.email, "first-password-1")).not.toBeNull();
  });

  it("applies the sign-up strength rule, asks for a matching confirmation and a new password", async () => {
    const me = await member();
    const before = await row(me.id);
    const attempt = (newPassword: string, confirmPassword = newPassword) => changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword, confirmPassword });
    expect(await attempt("short1")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { newPassword: "password_too_short" } });
    expect(await attempt("onlyletterslong")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { newPassword: "password_too_weak" } });
    expect(await attempt("x1".repeat(65))).toMatchObject({ ok: false, code: "invalid", fieldErrors: { newPassword: "password_too_long" } });
    expect(await attempt("second-password-2", "second-password-3")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { confirmPassword: "password_mismatch" } });
    expect(await attempt("first-password-1")).toMatchObject({ ok: false, code: "invalid", fieldErrors: { newPassword: "password_unchanged" } });
    expect(await changePassword(fresh.db, me.id, { currentPassword: "", newPassword: "second-password-2", confirmPassword: "second-password-2" })).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: "password_required" },
    });
    expect(await row(me.id)).toEqual(before);
  });

  it("lets the person sign in with the new password and no longer with the old one", async () => {
    const me = await member();
    const result = await changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" });
    expect(result).toEqual({ ok: true, sessionKey: expect.any(String) });
    expect(await authenticate(fresh.db, me.email, "second-password-2")).toMatchObject({ id: me.id });
    expect(await authenticate(fresh.db, me.email, "first-password-1")).toBeNull();
    // bcrypt at the same cost as sign-up; never the password itself.
    expect((await row(me.id)).passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect((await row(me.id)).passwordHash).not.toContain("second-password-2");
  });

  it("lets one of two concurrent changes from the same old password win; the other is refused", async () => {
    const me = await member();
    const change = (next: string) => changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword: next, confirmPassword: next });
    const results = await Promise.all([change("tab-one-password-1"), change("tab-two-password-2")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "wrong_password")).toHaveLength(1);
    const winner = results[0]!.ok ? "tab-one-password-1" : "tab-two-password-2";
    expect(await authenticate(fresh.db, me.email, winner)).not.toBeNull();
  });

  it("touches no one else's password", async () => {
    const [me, other] = [await member(), await member()];
    const before = await row(other.id);
    expect(await changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword: "mine-only-pass-3", confirmPassword: "mine-only-pass-3" })).toMatchObject({ ok: true });
    expect(await row(other.id)).toEqual(before);
  });
});

describe("ending other sessions", () => {
  it("a new password ends sessions holding the old key; the key handed back keeps the caller's session", async () => {
    const me = await member();
    // Tokens issued before any change carry no key (null), like the account.
    const oldToken = (await authenticate(fresh.db, me.email, "first-password-1"))!.sessionKey;
    expect(oldToken).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest(oldToken))).toMatchObject({ id: me.id });

    const result = await changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" });
    if (!result.ok) throw new Error("expected the change");
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest(oldToken))).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, undefined)).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest("guessed-key"))).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest(result.sessionKey))).toMatchObject({ id: me.id, email: me.email });
    // Sessions carry the key's digest, never the key (which renews a token): the key itself is no digest.
    expect(await getSessionUser(fresh.db, me.id, result.sessionKey)).toBeNull();
    // A fresh sign-in gets the current key.
    expect((await authenticate(fresh.db, me.email, "second-password-2"))!.sessionKey).toBe(result.sessionKey);
  });

  it("a refused change keeps every session", async () => {
    const me = await member();
    await changePassword(fresh.db, me.id, { currentPassword: "wrong-password-9", newPassword: "second-password-2", confirmPassword: "second-password-2" });
    expect(await getSessionUser(fresh.db, me.id, null)).toMatchObject({ id: me.id });
  });

  it("'sign out everywhere else' replaces the key of that account only", async () => {
    const [me, other] = [await member(), await member()];
    const first = await endOtherSessions(fresh.db, me.id);
    const second = await endOtherSessions(fresh.db, me.id);
    if (!first.ok || !second.ok) throw new Error("expected new keys");
    expect(second.sessionKey).not.toBe(first.sessionKey);
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest(first.sessionKey))).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, sessionKeyDigest(second.sessionKey))).toMatchObject({ id: me.id });
    expect(await getSessionUser(fresh.db, other.id, null)).toMatchObject({ id: other.id });
    expect(await endOtherSessions(fresh.db, "no-such-user")).toEqual({ ok: false, code: "not_found" });
  });
});

describe("changeEmail", () => {
  it("changes the address (normalised) with the current password; sign-in follows it", async () => {
    const me = await member();
    await fresh.db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, me.id));
    expect(await changeEmail(fresh.db, me.id, { email: "  New.Address@Profile.TEST ", currentPassword: "first-password-1" })).toEqual({ ok: true });
    const after = await row(me.id);
    expect(after.email).toBe("new.address@profile.test");
    expect(after.emailVerified).toBeNull();
    expect(await authenticate(fresh.db, "new.address@profile.test", "first-password-1")).toMatchObject({ id: me.id });
    expect(await authenticate(fresh.db, me.email, "first-password-1")).toBeNull();
  });

  it("answers email_taken for an address in use, without writing and without an exception", async () => {
    const [me, other] = [await member(), await member()];
    const before = await row(me.id);
    expect(await changeEmail(fresh.db, me.id, { email: other.email.toUpperCase(), currentPassword: "first-password-1" })).toEqual({ ok: false, code: "email_taken" });
    expect(await row(me.id)).toEqual(before);
    expect((await row(other.id)).email).toBe(other.email);
  });

  it("lets one of two people racing for the same address have it", async () => {
    const [a, b] = [await member(), await member()];
    const results = await Promise.all([a, b].map((u) => changeEmail(fresh.db, u.id, { email: "wanted@profile.test", currentPassword: "first-password-1" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "email_taken")).toHaveLength(1);
  });

  it("refuses a wrong password or a bad address without writing; the same address is a no-op", async () => {
    const me = await member();
    const before = await row(me.id);
    expect(await changeEmail(fresh.db, me.id, { email: "elsewhere@profile.test", currentPassword: "wrong-password-9" })).toEqual({ ok: false, code: "wrong_password" });
    expect(await changeEmail(fresh.db, me.id, { email: "not-an-email", currentPassword: "first-password-1" })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: "email_invalid" } });
    expect(await changeEmail(fresh.db, me.id, { email: me.email.toUpperCase(), currentPassword: "first-password-1" })).toEqual({ ok: true });
    expect(await row(me.id)).toEqual(before);
  });

  it("refuses accounts without a password (made through a provider)", async () => {
    const [u] = await fresh.db.insert(users).values({ email: "oauth@profile.test", name: "OAuth" }).returning({ id: users.id });
    expect(await changeEmail(fresh.db, u!.id, { email: "other@profile.test", currentPassword: "anything-at-all-1" })).toEqual({ ok: false, code: "wrong_password" });
    expect(await changePassword(fresh.db, u!.id, { currentPassword: "anything-at-all-1", newPassword: "brand-new-pass-1", confirmPassword: "brand-new-pass-1" })).toEqual({ ok: false, code: "wrong_password" });
    expect((await row(u!.id)).passwordHash).toBeNull();
  });
});
