import bcrypt from "bcryptjs";
import { z } from "zod";

/** bcrypt with cost 11: about 100 ms per hash here, slow enough for offline guessing, fast enough for sign-in. */
const COST = 11;

export const passwordSchema = z
  .string()
  .min(10, { message: "password_too_short" })
  .max(128, { message: "password_too_long" })
  .refine((p) => /[A-Za-z]/.test(p) && /[0-9]/.test(p), { message: "password_too_weak" });

export function hashPassword(password: string, cost = COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
