/**
 * Reading the development mailbox that the file transport (./transport.ts) fills: what /dev/mail
 * lists. Development only; the page answers 404 in production.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { mailMessageSchema } from "./message";
import { STORED_MAIL_NAME, type StoredMail } from "./transport";

const storedSchema = mailMessageSchema.extend({ date: z.string(), file: z.string() });

/** The stored mails under `dir`, newest first (at most `limit`); unreadable entries are skipped. */
export async function listDevMail(dir: string, limit = 100): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await readdir(path.resolve(dir));
  } catch {
    return [];
  }
  // File names start with the time in milliseconds: the name order is the arrival order.
  const recent = names
    .filter((n) => n.endsWith(".json") && STORED_MAIL_NAME.test(n.slice(0, -5)))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(
    recent.map(async (name) => {
      try {
        const parsed = storedSchema.safeParse(JSON.parse(await readFile(path.join(path.resolve(dir), name), "utf8")));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    }),
  );
  return mails.filter((m): m is StoredMail => m !== null);
}

/** The raw .eml of one stored mail, or null; `name` is checked, so no other file can be read. */
export async function readDevMailFile(dir: string, name: string): Promise<Buffer | null> {
  if (!name.endsWith(".eml") || !STORED_MAIL_NAME.test(name.slice(0, -4))) return null;
  try {
    return await readFile(path.join(path.resolve(dir), name));
  } catch {
    return null;
  }
}
