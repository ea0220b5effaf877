import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { outbox, users } from "@/db/schema";
import { authenticate, getUserById, registerUser, signUpSchema } from "./accounts";

async function hashOf(id: string): Promise<string> {
  const [row] = await fresh.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.hash ?? "";
}

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase();
});
afterAll(() => fresh?.dispose());

describe("accounts", () => {
  it("registers a consumer and signs them in with the same password only", async () => {
    const input = signUpSchema.parse({ name: "Mei Lin", email: " Mei@Example.com ", password: "brush-and-ink-42" });
    const result = await registerUser(fresh.db, input);
    expect(result).toMatchObject({ ok: true, user: { email: "mei@example.com", role: "consumer" } });
    expect(await authenticate(fresh.db, "MEI@example.com", "brush-and-ink-42")).toMatchObject({
      email: "mei@example.com",
      emailVerified: false,
    });
    expect(await authenticate(fresh.db, "mei@example.com", "brush-and-ink-43")).toBeNull();
    expect(await authenticate(fresh.db, "nobody@example.com", "brush-and-ink-42")).toBeNull();
  });

  it("stores an argon2id hash at OWASP's parameters, never the password", async () => {
    const input = signUpSchema.parse({ name: "A", email: "hash@example.com", password: "correct-horse-9" });
    const result = await registerUser(fresh.db, input);
    if (!result.ok) throw new Error("expected registration");
    const rows = await fresh.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, result.user.id) });
    expect(rows?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows?.passwordHash).not.toContain("correct-horse-9");
  });

  it("verifies an old bcrypt hash and replaces it with argon2id at that sign-in", async () => {
    const [u] = await fresh.db
      .insert(users)
      .values({ email: "legacy@example.com", name: "Legacy", passwordHash: await bcrypt.hash("old-bcrypt-pass-1", 4) })
      .returning({ id: users.id });
    expect(await authenticate(fresh.db, "legacy@example.com", "wrong-bcrypt-pass-1")).toBeNull();
    expect((await hashOf(u!.id)).startsWith("$2")).toBe(true);
    expect(await authenticate(fresh.db, "legacy@example.com", "old-bcrypt-pass-1")).toMatchObject({ id: u!.id });
    expect(await hashOf(u!.id)).toMatch(/^\$argon2id\$/);
    expect(await authenticate(fresh.db, "legacy@example.com", "old-bcrypt-pass-1")).toMatchObject({ id: u!.id });
  });

  it("does not truncate: a 26-character Chinese password works, and its 73rd byte matters", async () => {
    // 25 CJK characters (75 bytes in UTF-8) and a digit: bcrypt would see only the first 72 bytes.
    const chinese = "水墨山水画需要耐心与练习每一笔都有它的意义和生命力1";
    expect([...chinese]).toHaveLength(26);
    expect(Buffer.byteLength(chinese)).toBe(76);
    const result = await registerUser(
      fresh.db,
      signUpSchema.parse({ name: "Wang", email: "wang@example.com", password: chinese }),
    );
    expect(result.ok).toBe(true);
    expect(await authenticate(fresh.db, "wang@example.com", chinese)).toMatchObject({ email: "wang@example.com" });
    // Only the 25th character (bytes 73 to 75) differs.
    expect(await authenticate(fresh.db, "wang@example.com", chinese.slice(0, 24) + "气1")).toBeNull();
    const ascii = "a1".repeat(36); // 72 bytes
    await registerUser(
      fresh.db,
      signUpSchema.parse({ name: "Long", email: "long@example.com", password: ascii + "X" }),
    );
    expect(await authenticate(fresh.db, "long@example.com", ascii + "X")).not.toBeNull();
    expect(await authenticate(fresh.db, "long@example.com", ascii + "Y")).toBeNull();
  });

  it("keeps the interface language as the account's mail language and queues a verification mail with the sign-up", async () => {
    const result = await registerUser(
      fresh.db,
      signUpSchema.parse({ name: "Li", email: "li@example.com", password: "ink-and-paper-8" }),
      { locale: "zh" },
    );
    if (!result.ok) throw new Error("expected registration");
    expect((await fresh.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, result.user.id) }))?.locale).toBe(
      "zh-CN",
    );
    const mails = (await fresh.db.select().from(outbox)).map(
      (r) => r.payload as { to: string; locale: string; subject: string },
    );
    expect(mails.find((m) => m.to === "li@example.com")).toMatchObject({
      locale: "zh-CN",
      subject: "请确认你在 Atelier 的邮箱地址",
    });
  });

  it("refuses a duplicate email, also when two sign-ups race", async () => {
    const input = signUpSchema.parse({ name: "Twin", email: "twin@example.com", password: "twin-password-1" });
    const results = await Promise.all([registerUser(fresh.db, input), registerUser(fresh.db, input)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "email_taken" });
  });

  it("rejects weak passwords and bad emails with message keys", () => {
    const weak = signUpSchema.safeParse({ name: "W", email: "w@example.com", password: "short1" });
    expect(weak.error?.issues.map((i) => i.message)).toContain("password_too_short");
    const noDigit = signUpSchema.safeParse({ name: "W", email: "w@example.com", password: "onlyletterslong" });
    expect(noDigit.error?.issues.map((i) => i.message)).toContain("password_too_weak");
    const email = signUpSchema.safeParse({ name: "W", email: "not-an-email", password: "fine-password-1" });
    expect(email.error?.issues.map((i) => i.message)).toContain("email_invalid");
  });

  it("reads a user by id, and null for an unknown id", async () => {
    const input = signUpSchema.parse({ name: "Reader", email: "reader@example.com", password: "reading-lamp-7" });
    const result = await registerUser(fresh.db, input);
    if (!result.ok) throw new Error("expected registration");
    expect(await getUserById(fresh.db, result.user.id)).toEqual(result.user);
    expect(await getUserById(fresh.db, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});
