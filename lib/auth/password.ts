import { hash as argon2Hash, verify as argon2Verify } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { z } from "zod";

/**
 * Passwords are hashed with argon2id at OWASP's recommended parameters (19 MiB, 2 passes, 1 lane,
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html). @node-rs/argon2
 * runs on libuv's thread pool, so a sign-in never stalls the event loop, and unlike bcrypt it reads
 * every byte of the password (bcrypt stops at 72 bytes: 24 Chinese characters).
 *
 * Hashes made before (bcrypt, `$2a$`/`$2b$`) still verify; `verifyPassword` then says the hash should
 * be replaced, and sign-in stores an argon2id hash of the password it just checked. bcryptjs stays
 * only for that.
 */
export const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const passwordSchema = z
  .string()
  .min(10, { message: "password_too_short" })
  .max(128, { message: "password_too_long" })
  .refine((p) => /[\p{L}]/u.test(p) && /[0-9]/.test(p), { message: "password_too_weak" });

/** An argon2id hash (PHC string, `$argon2id$v=19$m=19456,t=2,p=1$…`); the algorithm is @node-rs/argon2's default. */
export function hashPassword(password: string): Promise<string> {
  return argon2Hash(password, ARGON2_OPTIONS);
}

function isBcrypt(hash: string): boolean {
  return /^\$2[aby]\$\d\d\$/.test(hash);
}

export type PasswordCheck = { ok: boolean; needsRehash: boolean };

/** Whether the password matches the stored hash, and whether that hash is of an older kind than hashPassword makes. */
export async function checkPassword(password: string, hash: string): Promise<PasswordCheck> {
  if (isBcrypt(hash)) return { ok: await bcrypt.compare(password, hash), needsRehash: true };
  if (!hash.startsWith("$argon2")) return { ok: false, needsRehash: false };
  try {
    const ok = await argon2Verify(hash, password);
    const current = hash.startsWith(
      `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`,
    );
    return { ok, needsRehash: ok && !current };
  } catch {
    // A malformed hash in the row is a wrong password, not a server error.
    return { ok: false, needsRehash: false };
  }
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  return (await checkPassword(password, hash)).ok;
}

// A real hash of a random password: checking against it when an email has no account (or no password)
// costs what a real check costs, so response times do not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  await argon2Verify(await dummyHash, password).catch(() => false);
}
