import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, users } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { authenticate, registerUser, signUpSchema, type AccountUser } from "./accounts";
import { changeDisplayName, changePassword, confirmEmailChange, endOtherSessions, requestEmailChange } from "./profile";
import { createSession, getSessionUser } from "./sessions";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.dispose());

let n = 0;
async function member(password = "first-password-1"): Promise<AccountUser> {
  n += 1;
  const result = await registerUser(
    fresh.db,
    signUpSchema.parse({ name: `Member ${n}`, email: `member${n}@profile.test`, password }),
  );
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
      expect(await changeDisplayName(fresh.db, me.id, { name })).toEqual({
        ok: false,
        code: "invalid",
        fieldErrors: { name: message },
      });
    expect((await row(me.id)).name).toBe(me.name);
    expect(await changeDisplayName(fresh.db, me.id, { name: "x".repeat(80) })).toEqual({ ok: true });
  });

  it("answers not_found for an unknown user", async () => {
    expect(await changeDisplayName(fresh.db, "00000000-0000-0000-0000-000000000000", { name: "Ghost" })).toEqual({
      ok: false,
      code: "not_found",
    });
  });
});

describe("changePassword", () => {
  it("refuses a wrong current password and writes nothing", async () => {
    const me = await member();
    const before = await row(me.id);
    const result = await changePassword(fresh.db, me.id, {
      currentPassword: "not-my-password-1",
      newPassword: "second-password-2",
      confirmPassword: "second-password-2",
    });
    expect(result).toEqual({ ok: false, code: "wrong_password" });
    expect(await row(me.id)).toEqual(before);
    expect(await authenticate(fresh.db, me.email, "first-password-1")).not.toBeNull();
  });

  it("applies the sign-up strength rule, asks for a matching confirmation and a new password", async () => {
    const me = await member();
    const before = await row(me.id);
    const attempt = (newPassword: string, confirmPassword = newPassword) =>
      changePassword(fresh.db, me.id, { currentPassword: "first-password-1", newPassword, confirmPassword });
    expect(await attempt("short1")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { newPassword: "password_too_short" },
    });
    expect(await attempt("onlyletterslong")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { newPassword: "password_too_weak" },
    });
    expect(await attempt("x1".repeat(65))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { newPassword: "password_too_long" },
    });
    expect(await attempt("second-password-2", "second-password-3")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { confirmPassword: "password_mismatch" },
    });
    expect(await attempt("first-password-1")).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { newPassword: "password_unchanged" },
    });
    expect(
      await changePassword(fresh.db, me.id, {
        currentPassword: "",
        newPassword: "second-password-2",
        confirmPassword: "second-password-2",
      }),
    ).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { currentPassword: "password_required" },
    });
    expect(await row(me.id)).toEqual(before);
  });

  it("lets the person sign in with the new password and no longer with the old one", async () => {
    const me = await member();
    const result = await changePassword(fresh.db, me.id, {
      currentPassword: "first-password-1",
      newPassword: "second-password-2",
      confirmPassword: "second-password-2",
    });
    expect(result).toEqual({ ok: true });
    expect(await authenticate(fresh.db, me.email, "second-password-2")).toMatchObject({ id: me.id });
    expect(await authenticate(fresh.db, me.email, "first-password-1")).toBeNull();
    // argon2id like sign-up; never the password itself.
    expect((await row(me.id)).passwordHash).toMatch(/^\$argon2id\$/);
    expect((await row(me.id)).passwordHash).not.toContain("second-password-2");
  });

  it("lets one of two concurrent changes from the same old password win; the other is refused", async () => {
    const me = await member();
    const change = (next: string) =>
      changePassword(fresh.db, me.id, {
        currentPassword: "first-password-1",
        newPassword: next,
        confirmPassword: next,
      });
    const results = await Promise.all([change("tab-one-password-1"), change("tab-two-password-2")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "wrong_password")).toHaveLength(1);
    const winner = results[0]!.ok ? "tab-one-password-1" : "tab-two-password-2";
    expect(await authenticate(fresh.db, me.email, winner)).not.toBeNull();
  });

  it("touches no one else's password", async () => {
    const [me, other] = [await member(), await member()];
    const before = await row(other.id);
    expect(
      await changePassword(fresh.db, me.id, {
        currentPassword: "first-password-1",
        newPassword: "mine-only-pass-3",
        confirmPassword: "mine-only-pass-3",
      }),
    ).toMatchObject({ ok: true });
    expect(await row(other.id)).toEqual(before);
  });
});

const device = (userId: string) =>
  createSession(fresh.db, {
    userId,
    userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 Version/17.0 Safari/605.1.15",
    ipPrefix: "203.0.113.0/24",
  });

describe("ending other sessions", () => {
  it("a new password ends the account's other sessions; the caller's own stays", async () => {
    const me = await member();
    const [mine, other, elsewhere] = [await device(me.id), await device(me.id), await device(me.id)];
    const result = await changePassword(
      fresh.db,
      me.id,
      { currentPassword: "first-password-1", newPassword: "second-password-2", confirmPassword: "second-password-2" },
      mine,
    );
    expect(result).toEqual({ ok: true });
    expect(await getSessionUser(fresh.db, me.id, mine)).toMatchObject({ id: me.id, email: me.email, sessionId: mine });
    expect(await getSessionUser(fresh.db, me.id, other)).toBeNull();
    expect(await getSessionUser(fresh.db, me.id, elsewhere)).toBeNull();
  });

  it("a refused change keeps every session", async () => {
    const me = await member();
    const s = await device(me.id);
    await changePassword(
      fresh.db,
      me.id,
      { currentPassword: "wrong-password-9", newPassword: "second-password-2", confirmPassword: "second-password-2" },
      null,
    );
    expect(await getSessionUser(fresh.db, me.id, s)).toMatchObject({ id: me.id });
  });

  it("'sign out everywhere else' ends that account's other sessions only", async () => {
    const [me, other] = [await member(), await member()];
    const [mine, second] = [await device(me.id), await device(me.id)];
    const theirs = await device(other.id);
    expect(await endOtherSessions(fresh.db, me.id, mine)).toEqual({ ok: true, ended: 1 });
    expect(await getSessionUser(fresh.db, me.id, mine)).not.toBeNull();
    expect(await getSessionUser(fresh.db, me.id, second)).toBeNull();
    expect(await getSessionUser(fresh.db, other.id, theirs)).not.toBeNull();
    expect(await endOtherSessions(fresh.db, "no-such-user", null)).toEqual({ ok: true, ended: 0 });
  });
});

type Mail = { to: string; subject: string; text: string; html: string; locale: string };
const mailsTo = async (to: string): Promise<Mail[]> =>
  (await fresh.db.select().from(outbox).orderBy(outbox.createdAt))
    .map((r) => r.payload as Mail)
    .filter((m) => m.to === to);
const tokenIn = (mail: Mail | undefined) =>
  new URL(/https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(mail?.text ?? "")![0]).searchParams.get("token")!;

describe("email change", () => {
  it("changes nothing until the link mailed to the new address is opened; then the old address gets a notice", async () => {
    const me = await member();
    await fresh.db.update(users).set({ locale: "zh-CN" }).where(eq(users.id, me.id));
    const before = await row(me.id);
    expect(
      await requestEmailChange(fresh.db, me.id, {
        email: "  New.Address@Profile.TEST ",
        currentPassword: "first-password-1",
      }),
    ).toEqual({ ok: true, pending: "new.address@profile.test" });
    expect(await row(me.id)).toEqual(before);
    const [confirm] = await mailsTo("new.address@profile.test");
    expect(confirm).toMatchObject({ locale: "zh-CN", subject: "请确认你在 Atelier 的新邮箱地址" });
    expect(confirm!.text).toContain("http://localhost:3000/zh/confirm-email?token=");
    expect(confirm!.html).not.toMatch(/<img/i);

    const result = await confirmEmailChange(fresh.db, tokenIn(confirm));
    expect(result).toEqual({ ok: true, userId: me.id, email: "new.address@profile.test" });
    const after = await row(me.id);
    expect(after.email).toBe("new.address@profile.test");
    expect(after.emailVerified).not.toBeNull();
    expect(await authenticate(fresh.db, "new.address@profile.test", "first-password-1")).toMatchObject({ id: me.id });
    expect(await authenticate(fresh.db, me.email, "first-password-1")).toBeNull();
    // The old address had only the sign-up's verification mail before; now the notice too.
    const notice = (await mailsTo(me.email)).find((m) => m.locale === "zh-CN");
    expect(notice).toMatchObject({ subject: "你的 Atelier 邮箱地址已更改" });
    expect(notice!.text).toContain("new.address@profile.test");
    // Single use.
    expect(await confirmEmailChange(fresh.db, tokenIn(confirm))).toEqual({ ok: false, code: "invalid_token" });
  });

  it("answers email_taken for an address in use, without writing or mailing", async () => {
    const [me, other] = [await member(), await member()];
    const before = await row(me.id);
    expect(
      await requestEmailChange(fresh.db, me.id, {
        email: other.email.toUpperCase(),
        currentPassword: "first-password-1",
      }),
    ).toEqual({ ok: false, code: "email_taken" });
    expect(await row(me.id)).toEqual(before);
    expect((await mailsTo(other.email)).filter((m) => m.subject.includes("new email"))).toEqual([]);
  });

  it("lets one of two people confirming the same address have it", async () => {
    const [a, b] = [await member(), await member()];
    for (const u of [a, b])
      expect(
        await requestEmailChange(fresh.db, u.id, { email: "wanted@profile.test", currentPassword: "first-password-1" }),
      ).toMatchObject({ ok: true });
    const links = (await mailsTo("wanted@profile.test")).map(tokenIn);
    const results = await Promise.all(links.map((t) => confirmEmailChange(fresh.db, t)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "email_taken")).toHaveLength(1);
  });

  it("refuses a wrong password or a bad address without writing; the same address is a no-op", async () => {
    const me = await member();
    const before = await row(me.id);
    expect(
      await requestEmailChange(fresh.db, me.id, {
        email: "elsewhere@profile.test",
        currentPassword: "wrong-password-9",
      }),
    ).toEqual({ ok: false, code: "wrong_password" });
    expect(
      await requestEmailChange(fresh.db, me.id, { email: "not-an-email", currentPassword: "first-password-1" }),
    ).toMatchObject({ ok: false, code: "invalid", fieldErrors: { email: "email_invalid" } });
    expect(
      await requestEmailChange(fresh.db, me.id, { email: me.email.toUpperCase(), currentPassword: "first-password-1" }),
    ).toEqual({ ok: true, pending: null });
    expect(await row(me.id)).toEqual(before);
    expect(await mailsTo("elsewhere@profile.test")).toEqual([]);
  });

  it("refuses an expired or made-up link", async () => {
    const me = await member();
    await requestEmailChange(fresh.db, me.id, { email: "late@profile.test", currentPassword: "first-password-1" });
    const [mail] = await mailsTo("late@profile.test");
    expect(await confirmEmailChange(fresh.db, tokenIn(mail), new Date(Date.now() + 25 * 60 * 60 * 1000))).toEqual({
      ok: false,
      code: "invalid_token",
    });
    expect(await confirmEmailChange(fresh.db, "A".repeat(43))).toEqual({ ok: false, code: "invalid_token" });
    expect(await confirmEmailChange(fresh.db, "not a token")).toEqual({ ok: false, code: "invalid_token" });
    expect((await row(me.id)).email).toBe(me.email);
  });

  it("refuses accounts without a password (made through a provider)", async () => {
    const [u] = await fresh.db
      .insert(users)
      .values({ email: "oauth@profile.test", name: "OAuth" })
      .returning({ id: users.id });
    expect(
      await requestEmailChange(fresh.db, u!.id, { email: "other@profile.test", currentPassword: "anything-at-all-1" }),
    ).toEqual({ ok: false, code: "wrong_password" });
    expect(
      await changePassword(fresh.db, u!.id, {
        currentPassword: "anything-at-all-1",
        newPassword: "brand-new-pass-1",
        confirmPassword: "brand-new-pass-1",
      }),
    ).toEqual({ ok: false, code: "wrong_password" });
    expect((await row(u!.id)).passwordHash).toBeNull();
  });
});
