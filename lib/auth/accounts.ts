import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { hashPassword, passwordSchema, verifyPassword } from "./password";
import { sessionKeyMatches } from "./session-key";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email({ message: "email_invalid" })).pipe(z.string().max(254));

/**
 * The name shown to others (header, reviews, comments): the same rule at sign-up and in the settings.
 * Control characters are refused: PostgreSQL text cannot hold NUL, and line breaks have no place in a name.
 */
export const displayNameSchema = z
  .string()
  .trim()
  .min(1, { message: "name_required" })
  .max(80, { message: "name_too_long" })
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), { message: "name_invalid" });

export const signUpSchema = z.object({
  name: displayNameSchema,
  email: emailSchema,
  password: passwordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: "password_required" }).max(128),
});

export type AccountUser = { id: string; email: string; name: string | null; role: Role };

export type RegisterResult = { ok: true; user: AccountUser } | { ok: false; code: "email_taken" };

/** Creates a consumer account. The unique email index decides races, not a read before the write. */
export async function registerUser(db: Db, input: SignUpInput): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(users)
    .values({ email: input.email, name: input.name, passwordHash, role: "consumer" })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
  if (!row) return { ok: false, code: "email_taken" };
  return { ok: true, user: { ...row, email: row.email ?? input.email } };
}

// A real hash of a random password: comparing against it when the email is unknown keeps the
// response time the same, so sign-in does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;

/** The user for an email and password, or null; with the account's session key for the new token. */
export async function authenticate(db: Db, email: string, password: string): Promise<(AccountUser & { sessionKey: string | null }) | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  if (!row?.passwordHash) {
    dummyHash ??= hashPassword(crypto.randomUUID());
    await verifyPassword(password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(password, row.passwordHash))) return null;
  return { id: row.id, email: row.email ?? email, name: row.name, role: row.role, sessionKey: row.sessionKey };
}

export async function getUserById(db: Db, id: string): Promise<AccountUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ? { ...row, email: row.email ?? "" } : null;
}

/** The user a session names, or null when the account is gone or the session's key (by its digest) is no longer current. */
export async function getSessionUser(db: Db, id: string, sessionKeyDigest: unknown): Promise<AccountUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, sessionKey: users.sessionKey })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  if (!row || !sessionKeyMatches(row.sessionKey, sessionKeyDigest)) return null;
  return { id: row.id, email: row.email ?? "", name: row.name, role: row.role };
}
