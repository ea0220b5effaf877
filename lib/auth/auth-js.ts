import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens, type Role } from "@/db/schema";
import { env } from "@/lib/env";
import { getUserById, signInSchema } from "@/lib/auth/accounts";
import { revokeSession, SESSION_DAYS } from "@/lib/auth/sessions";
import { guardedSignIn, signInOutcome } from "@/lib/auth/sign-in-guard";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    /**
     * The device's session row (lib/auth/sessions.ts). Not a secret: it opens nothing without the
     * signed token, and ending a session checks that it is the caller's.
     */
    sessionId?: string | null;
  }
  interface User {
    role?: Role;
    sessionId?: string;
  }
}

/** Too many attempts (lib/auth/sign-in-guard.ts); Auth.js's callback route reports it as `code=rate_limited`. */
class RateLimitedSignIn extends CredentialsSignin {
  code = "rate_limited";
}

/**
 * Auth.js v5. The configuration is built per request so the database opens lazily (never during
 * `next build`). Credentials sign-in needs JWT sessions; each token names a session row, checked on
 * every read of the user and revoked at sign-out. The drizzle adapter keeps users and linked accounts
 * in PostgreSQL so OAuth providers can be added without a schema change.
 */
// Auth.js builds callback and redirect URLs from the request's Host header unless AUTH_URL names the
// site. In production that is SITE_URL (required at start), so a forged Host can never point a sign-in
// redirect elsewhere, and cookies are Secure exactly when SITE_URL is https. Behind a proxy you control,
// AUTH_TRUST_HOST=true trusts its forwarded host instead.
if (env.NODE_ENV === "production" && !env.AUTH_TRUST_HOST) process.env.AUTH_URL ??= env.SITE_URL;

export const {
  handlers,
  auth,
  signIn,
  signOut,
  unstable_update: updateSession,
} = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: env.AUTH_SECRET,
    // Trusted only when configured, when the origin is pinned by AUTH_URL (above), or in development.
    trustHost: env.AUTH_TRUST_HOST || Boolean(process.env.AUTH_URL) || env.NODE_ENV !== "production",
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 24 * 60 * 60 },
    // A wrong password is an expected outcome shown in the form, not a server error worth a stack trace.
    logger: {
      error(error: Error) {
        // A request for an action Auth.js does not have (another method, a made-up path) is the
        // client's mistake and already answered with a 4xx: no stack trace either.
        const type = (error as { type?: string }).type ?? error.name;
        if (type === "CredentialsSignin" || type === "UnknownAction") return;
        console.error("[auth]", error);
      },
    },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        // Both the sign-in form and POST /api/auth/callback/credentials arrive here: the limits apply to both.
        authorize: async (raw, request) => {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) return null;
          const result = await guardedSignIn(db, { ...parsed.data, headers: request.headers });
          if (result.ok)
            return {
              id: result.user.id,
              email: result.user.email,
              name: result.user.name,
              role: result.user.role,
              sessionId: result.sessionId,
            };
          if (result.code === "rate_limited") {
            const outcome = signInOutcome.getStore();
            if (outcome) outcome.retryAfterSeconds = result.retryAfterSeconds;
            throw new RateLimitedSignIn();
          }
          return null;
        },
      }),
    ],
    events: {
      // Auth.js's own sign-out route and the header's button (signOut in a server action) both end here.
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        await revokeSession(db, sid);
      },
    },
    callbacks: {
      jwt: async ({ token, user, trigger }) => {
        if (user?.id) {
          token.sub = user.id;
          token.sid = user.sessionId ?? null;
        }
        // After a profile change (updateSession from a server action) the token's name and email are read
        // again from the database; what an update request carries is ignored.
        if (trigger === "update" && token.sub) {
          const current = await getUserById(db, token.sub);
          if (current) {
            token.name = current.name;
            token.email = current.email;
          }
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionId = typeof token.sid === "string" ? token.sid : null;
        return session;
      },
    },
  };
});
