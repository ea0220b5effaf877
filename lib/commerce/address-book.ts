/**
 * The address book in the account (issue 16, item 2): a buyer edits, removes and picks the default of
 * their saved addresses. Every function takes the signed-in buyer's id and touches only that buyer's
 * rows: someone else's address id reads as "not found" (false) and nothing changes. Writes that move
 * the default run in one transaction, so a buyer with addresses always has exactly one default.
 */
import { and, desc, eq, ne } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { addresses } from "@/db/schema";
import type { Address } from "./address";
import { saveAddress, type AddressView } from "./shipping-store";

export type AddressBookEntry = AddressView & { isDefault: boolean };

/** The buyer's addresses for the account page: the default first, then the most recently used. */
export async function listAddressBook(db: Executor, { userId }: { userId: string }): Promise<AddressBookEntry[]> {
  const rows = await db
    .select()
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), desc(addresses.lastUsedAt), desc(addresses.createdAt));
  return rows.map(({ id, name, line1, line2, city, region, postalCode, country, phone, isDefault }) => ({
    id,
    name,
    line1,
    line2,
    city,
    region,
    postalCode,
    country,
    phone,
    isDefault,
  }));
}

/** Makes `addressId` the default inside `tx`: clears the old one first, or the unique index refuses. */
async function moveDefault(tx: Executor, userId: string, addressId: string) {
  await tx
    .update(addresses)
    .set({ isDefault: false })
    .where(and(eq(addresses.userId, userId), eq(addresses.isDefault, true), ne(addresses.id, addressId)));
  await tx
    .update(addresses)
    .set({ isDefault: true })
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)));
}

/** Adds an address from the account page; `makeDefault` also makes it the default. Returns its id. */
export async function addAddressForUser(
  db: Db,
  { userId, address, makeDefault }: { userId: string; address: Address; makeDefault: boolean },
): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await saveAddress(tx, { userId, address });
    if (makeDefault) await moveDefault(tx, userId, id);
    return id;
  });
}

/** Rewrites the buyer's own address; false when it is not theirs (or no longer exists). */
export async function updateAddressForUser(
  db: Db,
  {
    userId,
    addressId,
    address,
    makeDefault,
  }: { userId: string; addressId: string; address: Address; makeDefault: boolean },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(addresses)
      .set({ ...address })
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ id: addresses.id });
    if (!row) return false;
    if (makeDefault) await moveDefault(tx, userId, addressId);
    return true;
  });
}

/** Makes the buyer's own address their default; false when it is not theirs. */
export async function setDefaultAddressForUser(
  db: Db,
  { userId, addressId }: { userId: string; addressId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .for("update");
    if (!row) return false;
    await moveDefault(tx, userId, addressId);
    return true;
  });
}

/**
 * Removes the buyer's own address; false when it is not theirs. Removing the default hands the role to
 * the most recently used of the others, so checkout still has one to offer first. Orders keep their
 * own copy of the address (order_address), so past orders are unaffected.
 */
export async function deleteAddressForUser(
  db: Db,
  { userId, addressId }: { userId: string; addressId: string },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!gone) return false;
    if (gone.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(desc(addresses.lastUsedAt), desc(addresses.createdAt))
        .limit(1);
      if (next) await moveDefault(tx, userId, next.id);
    }
    return true;
  });
}
