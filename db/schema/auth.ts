import { integer, pgEnum, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { AdapterAccountType } from "next-auth/adapters";
import { createdAt, fk, id } from "./columns";

export const roleEnum = pgEnum("role", ["consumer", "creator", "marketer", "admin"]);
export type Role = (typeof roleEnum.enumValues)[number];

/** Users and the Auth.js adapter tables (column names as @auth/drizzle-adapter expects them). */
export const users = pgTable("user", {
  id: id(),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("emailVerified", { mode: "date", withTimezone: true }),
  image: text("image"),
  passwordHash: text("password_hash"),
  role: roleEnum("role").notNull().default("consumer"),
  /** The language mail is written in ("en" or "zh-CN"): the interface language at sign-up, changed with it. */
  locale: text("locale").notNull().default("en"),
  /**
   * A secret every session token of this account must carry. Changing the password (or "sign out
   * everywhere else") replaces it, which ends the other sessions; null until the first change.
   */
  sessionKey: text("session_key"),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "account",
  {
    userId: fk("userId", () => users.id, "cascade").notNull(),
    type: text("type").$type<AdapterAccountType>().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const sessions = pgTable("session", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: fk("userId", () => users.id, "cascade").notNull(),
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
