/**
 * Who may manage what in the studio. Creators act on the products of the creator profile they own;
 * admins on every product. Every studio action asks one of these before it writes.
 */
import { and, eq } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { creators, products, type Role } from "@/db/schema";

export type Actor = { id: string; role: Role };

export async function getCreatorForUser(
  userId: string,
  db?: Executor,
): Promise<{ id: string; slug: string; name: string; kind: "instructor" | "artist" | "gallery" } | null> {
  const exec = db ?? (await getDb());
  const [row] = await exec
    .select({ id: creators.id, slug: creators.slug, name: creators.name, kind: creators.kind })
    .from(creators)
    .where(eq(creators.userId, userId))
    .limit(1);
  return row ?? null;
}

/** True when `actor` may edit the product: its creator's owner, or an admin. */
export async function canManageProduct(actor: Actor, productId: string, db?: Executor): Promise<boolean> {
  const exec = db ?? (await getDb());
  if (actor.role === "admin") {
    const [row] = await exec.select({ id: products.id }).from(products).where(eq(products.id, productId)).limit(1);
    return Boolean(row);
  }
  if (actor.role !== "creator") return false;
  const [row] = await exec
    .select({ id: products.id })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(products.id, productId), eq(creators.userId, actor.id)))
    .limit(1);
  return Boolean(row);
}

/** True when `userId` owns the creator profile that sells the product: their own work, which they cannot buy. */
export async function isOwnWork(userId: string, productId: string, db?: Executor): Promise<boolean> {
  const exec = db ?? (await getDb());
  const [row] = await exec
    .select({ id: products.id })
    .from(products)
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(products.id, productId), eq(creators.userId, userId)))
    .limit(1);
  return Boolean(row);
}
