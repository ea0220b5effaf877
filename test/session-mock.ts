/**
 * The one stand-in for lib/server/session.ts in tests of actions and routes. Only the reading of the
 * session is replaced: in production it needs a request (Auth.js reads the session cookie through
 * Next's request scope). Everything decided from the user stays real: lib/actions.ts checks roles with
 * hasRole from lib/auth/roles.ts, so a test of a marketer-only action runs the real rule.
 *
 *   vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
 *   import { signInAs } from "@/test/session-mock";
 *   signInAs(user);  // signInAs(null): signed out
 *
 * The page helpers (requireRole, requireUser) are left out on purpose: no test needs them yet, and a
 * test that calls one fails with vitest's "no export defined on the mock" instead of running a copy.
 */
import type { AccountUser } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/sessions";
import type * as RealSession from "@/lib/server/session";

const state: { user: AccountUser | null; sessionId: string | null } = { user: null, sessionId: null };

/** Who the following calls act as; the session id is what currentSessionId() answers ("this device"). */
export function signInAs(user: AccountUser | null, sessionId: string | null = null): void {
  state.user = user;
  state.sessionId = user ? sessionId : null;
}

/**
 * The account exactly as the test gave it, so a test can compare what a handler received with it.
 * Actions read only its account fields (whether the address is verified they ask the database).
 */
export const getCurrentUser: typeof RealSession.getCurrentUser = async () => state.user as SessionUser | null;

export const currentUserId: typeof RealSession.currentUserId = async () => state.user?.id ?? null;

export const currentSessionId: typeof RealSession.currentSessionId = async () => state.sessionId;
