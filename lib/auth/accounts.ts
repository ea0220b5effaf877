import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { mailLocale } from "@/lib/mail/message";
import { burnPasswordCheck, checkPassword, hashPassword, passwordSchema } from "./password";
import { queueVerificationMail } from "./verification";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "email_invalid" }))
  .pipe(z.string().max(254));

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

/**
 * Creates a consumer account and, in the same transaction, queues the mail that verifies its address
 * (in `locale`, the interface language at sign-up, which the account keeps for its mail). The unique
 * email index decides races, not a read before the write.
 */
export async function registerUser(
  db: Db,
  input: SignUpInput,
  opts: { locale?: string; now?: Date } = {},
): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  const locale = mailLocale(opts.locale);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, role: "consumer", locale })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!row) return { ok: false, code: "email_taken" } as const;
    const user = { ...row, email: row.email ?? input.email };
    await queueVerificationMail(tx, { id: user.id, email: user.email, name: user.name, locale }, opts.now);
    return { ok: true, user } as const;
  });
}

export type AuthenticatedUser = AccountUser & { emailVerified: boolean };

/**
 * The user for an email and password, or null. An unknown email (or an account without a password)
 * costs one argon2 check like a known one. A correct password under an older hash (bcrypt) is
 * re-hashed with argon2id on the spot; the write is conditional on the old hash, so it never
 * overwrites a password changed meanwhile.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticatedUser | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  if (!row?.passwordHash) {
    await burnPasswordCheck(password);
    return null;
  }
  const check = await checkPassword(password, row.passwordHash);
  if (!check.ok) return null;
  if (check.needsRehash) {
    const upgraded = await hashPassword(password);
    await db
      .update(users)
      .set({ passwordHash: upgraded })
      .where(and(eq(users.id, row.id), eq(users.passwordHash, row.passwordHash)));
  }
  return {
    id: row.id,
    email: row.email ?? email,
    name: row.name,
    role: row.role,
    emailVerified: row.emailVerified !== null,
  };
}

export async function getUserById(db: Db, id: string): Promise<AccountUser | null> {
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row ? { ...row, email: row.email ?? "" } : null;
}
