/**
 * Signed-in devices (table auth_session). Each sign-in writes a row; the session token carries the
 * row's id (`sid`), and every read of the current user goes through `getSessionUser`, which accepts a
 * token only while its row is neither revoked nor expired. Signing out revokes the row, so a copy of
 * the cookie stops working although the token itself has not expired. A password change, a reset and
 * "sign out everywhere else" revoke the other rows of the account.
 *
 * This replaces the account-wide session key (users.session_key, now unused): with one row per device
 * a single device can be ended, and the device that makes a change simply keeps its row.
 */
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import type { AccountUser } from "./accounts";

/** As long as the session token (lib/auth/auth-js.ts): a row expires with the token it stands for, counted from the last use. */
export const SESSION_DAYS = 30;
/** last_seen_at is written at most this often, not on every request. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;

const expiry = (now: Date) => new Date(now.getTime() + SESSION_DAYS * 24 * 60 * 60 * 1000);

export async function createSession(
  db: Executor,
  input: { userId: string; userAgent: string | null; ipPrefix: string | null; now?: Date },
): Promise<string> {
  const now = input.now ?? new Date();
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      // A User-Agent is whatever the client sent: cut, and without control characters (PostgreSQL text holds no NUL).
      userAgent: (input.userAgent ?? "").replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 300),
      ipPrefix: input.ipPrefix,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: expiry(now),
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

export type SessionUser = AccountUser & { sessionId: string; emailVerified: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user a session token names, or null when its row is gone, revoked, expired or another account's. */
export async function getSessionUser(
  db: Executor,
  userId: string,
  sessionId: unknown,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  // Tokens from before session rows carry no id: they are over, and the person signs in again.
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      verifiedAt: users.emailVerified,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, sessionId),
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    )
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db
      .update(authSessions)
      .set({ lastSeenAt: now, expiresAt: expiry(now) })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  }
  return {
    id: row.id,
    email: row.email ?? "",
    name: row.name,
    role: row.role,
    sessionId,
    emailVerified: row.verifiedAt !== null,
  };
}

/** Ends one session (sign-out). */
export async function revokeSession(db: Executor, sessionId: unknown, now: Date = new Date()): Promise<void> {
  if (typeof sessionId !== "string" || !UUID.test(sessionId)) return;
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends one of the caller's own sessions (the per-device button); false when it is not theirs or already over. */
export async function revokeOwnSession(
  db: Executor,
  userId: string,
  sessionId: string,
  now: Date = new Date(),
): Promise<boolean> {
  if (!UUID.test(sessionId)) return false;
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return ended.length > 0;
}

/** Ends every session of the account but `keep` (null: all of them, as a password reset does). */
export async function revokeOtherSessions(
  db: Executor,
  userId: string,
  keep: string | null,
  now: Date = new Date(),
): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
        keep && UUID.test(keep) ? ne(authSessions.id, keep) : sql`true`,
      ),
    )
    .returning({ id: authSessions.id });
  return ended.length;
}

export type DeviceSession = {
  id: string;
  browser: string | null;
  system: string | null;
  ipPrefix: string | null;
  lastSeenAt: Date;
  createdAt: Date;
  current: boolean;
};

/** The account's active sessions, most recently used first, for the settings page. */
export async function listSessions(
  db: Executor,
  userId: string,
  currentId: string | null,
  now: Date = new Date(),
): Promise<DeviceSession[]> {
  const rows = await db
    .select()
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt), gt(authSessions.expiresAt, now)))
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    ...describeUserAgent(r.userAgent),
    ipPrefix: r.ipPrefix,
    lastSeenAt: r.lastSeenAt,
    createdAt: r.createdAt,
    current: r.id === currentId,
  }));
}

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/MicroMessenger\//, "WeChat"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/HeadlessChrome\//, "Headless Chrome"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, "iOS"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** "Chrome" on "macOS" from a User-Agent; null for what is not recognised (shown as "unknown browser"). */
export function describeUserAgent(userAgent: string): { browser: string | null; system: string | null } {
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1] ?? null;
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1] ?? null;
  return { browser, system };
}
