import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, fk, id, timestamptz } from "./columns";

/**
 * One row per signed-in device. The JWT names its row (`sid`), and every request that reads the user
 * checks that the row exists and is not revoked: signing out revokes it, so a copied cookie stops
 * working even though the token itself has not expired. The account page lists these rows.
 */
export const authSessions = pgTable(
  "auth_session",
  {
    id: id(),
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    /** The browser's User-Agent as sent at sign-in, cut to 300 characters; shown as "browser on system". */
    userAgent: text("user_agent").notNull().default(""),
    /** The client address with its host part removed (IPv4 /24, IPv6 /48): enough to recognise a place, not a person. */
    ipPrefix: text("ip_prefix"),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at").notNull().defaultNow(),
    expiresAt: timestamptz("expires_at").notNull(),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("auth_session_user_idx").on(t.userId, t.lastSeenAt)],
);

/**
 * Counters for rate limits that every app instance shares (sign-in, sign-up, password reset, email
 * change, the event beacon). `key` names the limit and its subject (`signin:email:<address>`,
 * `signin:ip:<prefix>`, `beacon:<visitor>`); `points` counts attempts in the window ending at
 * `window_ends_at`. `strikes` counts the windows that ran over, so the block (`blocked_until`) grows
 * with each one; a quiet period resets it.
 */
export const rateLimits = pgTable("rate_limit", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  windowEndsAt: timestamptz("window_ends_at").notNull(),
  strikes: integer("strikes").notNull().default(0),
  blockedUntil: timestamptz("blocked_until"),
  updatedAt: timestamptz("updated_at").notNull().defaultNow(),
});

export const accountTokenPurposeEnum = pgEnum("account_token_purpose", [
  "verify_email",
  "reset_password",
  "change_email",
]);
export type AccountTokenPurpose = (typeof accountTokenPurposeEnum.enumValues)[number];

/**
 * Single-use tokens sent by mail (address verification, password reset, email change). Only a
 * SHA-256 digest of the token is stored, so a copy of the database cannot be used to take accounts.
 */
export const accountTokens = pgTable(
  "account_token",
  {
    id: id(),
    userId: fk("user_id", () => users.id, "cascade").notNull(),
    purpose: accountTokenPurposeEnum("purpose").notNull(),
    tokenHash: text("token_hash").notNull(),
    /** For change_email: the address that becomes the account's once confirmed there. */
    newEmail: text("new_email"),
    expiresAt: timestamptz("expires_at").notNull(),
    usedAt: timestamptz("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("account_token_hash_idx").on(t.tokenHash),
    index("account_token_user_idx").on(t.userId, t.purpose),
  ],
);

export const outboxStatusEnum = pgEnum("outbox_status", ["pending", "sent", "dead"]);

/**
 * Everything sent to the outside world (mail now, webhooks later) is written here in the same
 * transaction as the change that causes it, then delivered by a background loop with retries. A dead
 * mail server therefore never fails, slows or loses the change itself.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: id(),
    /** What kind of message: "mail" (lib/mail). */
    topic: text("topic").notNull(),
    /** For "mail": the rendered message (lib/mail/message.ts), so delivery needs nothing but this row. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamptz("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamptz("sent_at"),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    check("outbox_attempts_nonnegative", sql`${t.attempts} >= 0`),
  ],
);

export type AuthSession = typeof authSessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
