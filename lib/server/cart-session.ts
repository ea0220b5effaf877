import "server-only";
import { cookies } from "next/headers";
import { mergeVisitorCart, type CartOwner } from "@/lib/commerce/cart";
import { newVisitorId } from "@/lib/visitor";
import { cookieToSet, VISITOR } from "./cookies";
import { getCurrentUser } from "./session";
import { requestVisitorId } from "./visitor";

/**
 * Server glue between the request and lib/commerce/cart: whose cart this request means.
 * A signed-in user's cart absorbs the visitor cart of the same browser on the first authenticated
 * cart read after sign-in (mergeVisitorCart is a single indexed lookup when there is nothing to merge).
 * `create` may only be used where cookies can be written (server actions, route handlers): a guest
 * without the visitor cookie, which proxy.ts normally sets, gets one here.
 */
export async function currentCartOwner({ create = false }: { create?: boolean } = {}): Promise<CartOwner | null> {
  const [user, visitorId] = await Promise.all([getCurrentUser(), requestVisitorId()]);
  if (user) {
    if (visitorId) await mergeVisitorCart(visitorId, user.id);
    return { userId: user.id };
  }
  if (visitorId) return { visitorId };
  if (!create) return null;
  const fresh = newVisitorId();
  (await cookies()).set(cookieToSet(VISITOR, fresh));
  return { visitorId: fresh };
}
