import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { authenticate, getUserById, signInSchema } from "@/lib/auth/accounts";
import { sessionKeyDigest } from "@/lib/auth/session-key";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /** A digest of the token's session key, as it was issued or last renewed (lib/auth/session-key.ts). */
    sessionKeyDigest?: string | null;
  }
  interface User {
    role?: Role;
    sessionKey?: string | null;
  }
}

/**
 * Auth.js v5. The configuration is built per request so the database opens lazily (never during
 * `next build`). Credentials sign-in needs JWT sessions; the drizzle adapter keeps users and linked
 * accounts in PostgreSQL so OAuth providers can be added without a schema change.
 */
export const { handlers, auth, signIn, signOut, unstable_update: updateSession } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, { usersTable: users, accountsTable: accounts, sessionsTable: sessions, verificationTokensTable: verificationTokens }),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    // A wrong password is an expected outcome shown in the form, not a server error worth a stack trace.
    logger: {
      error(error: Error) {
        if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: async (raw) => {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const user = await authenticate(db, parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role, sessionKey: user.sessionKey } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger, session }) {
        if (user?.id) {
          token.sub = user.id;
          token.sessionKey = user.sessionKey ?? null;
        }
        // After a profile change (updateSession from a server action) the token's name and email are read
        // again from the database. What an update request carries is ignored, except a new session key:
        // anyone can send an update, but a key is only accepted later if it is the account's current one,
        // which only the server action that set it knows.
        if (trigger === "update" && token.sub) {
          const current = await getUserById(db, token.sub);
          if (current) {
            token.name = current.name;
            token.email = current.email;
          }
          const key = (session as { sessionKey?: unknown } | undefined)?.sessionKey;
          if (typeof key === "string" && key.length <= 64) token.sessionKey = key;
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionKeyDigest = sessionKeyDigest(typeof token.sessionKey === "string" ? token.sessionKey : null);
        return session;
      },
    },
  };
});

/**
 * Hands this session the account's new session key (after a password change or "sign out everywhere
 * else"): the jwt callback's update branch stores it in the token. The key travels in the update
 * request only, never in the session object, so it is not part of Session's type.
 */
export async function renewSessionKey(sessionKey: string): Promise<void> {
  await updateSession({ sessionKey } as Parameters<typeof updateSession>[0]);
}
