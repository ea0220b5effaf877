import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { authenticate, getUserById, registerUser, signUpSchema } from "./accounts";

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
    expect(await authenticate(fresh.db, "MEI@example.com", "brush-and-ink-42")).toMatchObject({ email: "mei@example.com" });
    expect(await authenticate(fresh.db, "mei@example.com", "brush-and-ink-43")).toBeNull();
    expect(await authenticate(fresh.db, "nobody@example.com", "brush-and-ink-42")).toBeNull();
  });

  it("stores a bcrypt hash, never the password", async () => {
    const input = signUpSchema.parse({ name: "A", email: "hash@example.com", password: "correct-horse-9" });
    const result = await registerUser(fresh.db, input);
    if (!result.ok) throw new Error("expected registration");
    const rows = await fresh.db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, result.user.id) });
    expect(rows?.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(rows?.passwordHash).not.toContain("correct-horse-9");
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
