/**
 * Server glue for sign-in: recognising the redirect Auth.js throws on success, and attaching this
 * browser's anonymous events and dismissals to the account that just signed in (the visitor id comes
 * from the request's cookie; the merge itself is lib/tracking/sign-in.ts).
 */
import "server-only";
import { getDb } from "@/db/client";
import { mergeVisitorIntoAccount } from "@/lib/tracking/sign-in";
import { requestVisitorId } from "./visitor";

/** Auth.js reports a successful sign-in by throwing Next's redirect, whose digest starts NEXT_REDIRECT. */
export function isRedirectSignal(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    "digest" in error &&
    String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT")
  );
}

/** Never fails the sign-in: a merge problem is logged and the behaviour stays with the visitor id. */
export async function mergeVisitorAfterSignIn(email: string): Promise<void> {
  try {
    const visitorId = await requestVisitorId();
    if (!visitorId) return;
    await mergeVisitorIntoAccount(await getDb(), visitorId, email);
  } catch (error) {
    console.error("tracking: could not merge visitor events into the account", error);
  }
}
