import "server-only";
import { cookies } from "next/headers";
import { getCurrentUser } from "@/lib/server/session";
import { env } from "@/lib/env";
import { isValidVisitorId, newVisitorId, VISITOR_COOKIE, VISITOR_COOKIE_MAX_AGE } from "@/lib/visitor";
import { mergeVisitorCart, type CartOwner } from "./cart";

/**
 * Server glue between the request and lib/commerce/cart: whose cart this request means.
 * A signed-in user's cart absorbs the visitor cart of the same browser on the first authenticated
 * cart read after sign-in (mergeVisitorCart is a single indexed lookup when there is nothing to merge).
 * `create` may only be used where cookies can be written (server actions, route handlers): a guest
 * without the visitor cookie, which proxy.ts normally sets, gets one here.
 */
export async function currentCartOwner({ create = false }: { create?: boolean } = {}): Promise<CartOwner | null> {
  const [user, jar] = await Promise.all([getCurrentUser(), cookies()]);
  const visitorId = jar.get(VISITOR_COOKIE)?.value;
  if (user) {
    if (isValidVisitorId(visitorId)) await mergeVisitorCart(visitorId, user.id);
    return { userId: user.id };
  }
  if (isValidVisitorId(visitorId)) return { visitorId };
  if (!create) return null;
  const fresh = newVisitorId();
  jar.set({
    name: VISITOR_COOKIE,
    value: fresh,
    maxAge: VISITOR_COOKIE_MAX_AGE,
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.SITE_URL.startsWith("https:"),
  });
  return { visitorId: fresh };
}
