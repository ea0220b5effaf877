/**
 * The address book's actions as public endpoints: they keep the checkout's per-country validation,
 * touch only the signed-in buyer's own addresses (another buyer's id is "not found" and nothing
 * changes), and leave a buyer with addresses exactly one default, also after the default is deleted.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { addresses } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { listAddressBook } from "@/lib/commerce/address-book";
import { createUsers, fixtureTag } from "@/lib/commerce/fixtures";
import { listAddressesForUser } from "@/lib/commerce/shipping-store";
import { setUpFixtureDatabase } from "@/test/fixture-db";
import { signInAs } from "@/test/session-mock";

vi.mock("@/lib/server/session", () => import("@/test/session-mock"));
vi.mock("next/cache", () => ({ refresh: () => undefined, revalidatePath: () => undefined }));
// Requests from the English pages: their redirects stay unprefixed.
vi.mock("next-intl/server", () => ({ getLocale: async () => "en" }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { addAddressAction, deleteAddressAction, saveAddressAction, setDefaultAddressAction, updateAddressAction } =
  await import("./addresses");

let db: Db;
const tag = fixtureTag();
let users: AccountUser[] = [];
let next = 0;
/** A fresh buyer per test, signed in, whose address book starts empty (fixtures come with one). */
const buyer = async () => {
  const user = users[next++];
  if (!user) throw new Error("out of fixture buyers");
  await db.delete(addresses).where(eq(addresses.userId, user.id));
  signInAs(user);
  return user;
};

setUpFixtureDatabase(tag, async (fx) => {
  db = fx.db;
  const ids = await createUsers(db, tag, 10);
  users = ids.map((id, i) => ({ id, email: `b${i}@x`, name: `B${i}`, role: "consumer" }));
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};
const berlin = {
  name: "Bea",
  line1: "Unter den Linden 1",
  city: "Berlin",
  postalCode: "10117",
  country: "DE",
  phone: "+49 30 123456",
};
const osaka = {
  ...berlin,
  city: "Osaka",
  region: "Osaka",
  postalCode: "530-0001",
  country: "JP",
  phone: "+81 6 1234 5678",
};
const leeds = { ...berlin, city: "Leeds", postalCode: "ls11ba", country: "GB", phone: "+44 113 496 0000" };

const book = (user: AccountUser) => listAddressBook(db, { userId: user.id });
const defaults = async (user: AccountUser) => (await book(user)).filter((a) => a.isDefault).map((a) => a.city);
const add = (fields: Record<string, string>) =>
  expect(addAddressAction(null, form(fields))).rejects.toThrow("NEXT_REDIRECT /account/addresses?saved=added");

describe("adding and editing", () => {
  it("checks each field per country, as checkout does, and saves nothing invalid", async () => {
    const me = await buyer();
    expect(await addAddressAction(null, form({ ...osaka, region: "", postalCode: "5300001x" }))).toMatchObject({
      ok: false,
      error: "invalid_input",
      fieldErrors: { region: "required", postalCode: "postal_code" },
      values: { city: "Osaka" },
    });
    expect(await addAddressAction(null, form({ ...berlin, country: "ZZ", phone: "call me" }))).toMatchObject({
      fieldErrors: { country: "country", phone: "phone" },
    });
    expect(await book(me)).toEqual([]);
    signInAs(null);
    expect(await addAddressAction(null, form(berlin))).toEqual({ ok: false, error: "sign_in_required" });
  });

  it("makes the first address the default and a later one only when asked", async () => {
    const me = await buyer();
    await add(berlin);
    await add(osaka);
    expect(await defaults(me)).toEqual(["Berlin"]);
    await add({ ...leeds, makeDefault: "on" });
    expect(await defaults(me)).toEqual(["Leeds"]);
    // Saved in the form carriers print.
    expect((await book(me)).find((a) => a.city === "Leeds")?.postalCode).toBe("LS1 1BA");
  });

  it("edits the caller's own address and never another buyer's", async () => {
    const owner = await buyer();
    await add(berlin);
    const [mine] = await book(owner);
    const intruder = await buyer();
    expect(await updateAddressAction(null, form({ ...osaka, addressId: mine!.id, makeDefault: "on" }))).toEqual({
      ok: false,
      error: "address.errors.not_found",
    });
    expect(await book(intruder)).toEqual([]);
    expect((await book(owner))[0]).toMatchObject({ city: "Berlin", isDefault: true });

    signInAs(owner);
    expect(await updateAddressAction(null, form({ ...berlin, postalCode: "1", addressId: mine!.id }))).toMatchObject({
      fieldErrors: { postalCode: "postal_code" },
    });
    await expect(updateAddressAction(null, form({ ...osaka, addressId: mine!.id }))).rejects.toThrow(
      "NEXT_REDIRECT /account/addresses?saved=updated",
    );
    expect(await book(owner)).toEqual([{ ...osaka, line2: "", id: mine!.id, isDefault: true }]);
  });
});

describe("the default", () => {
  it("moves to the chosen address, one at a time, only among the caller's own", async () => {
    const me = await buyer();
    await add(berlin);
    await add(osaka);
    const osakaId = (await book(me)).find((a) => a.city === "Osaka")!.id;
    const stranger = await buyer();
    await add(leeds);
    const leedsId = (await book(stranger))[0]!.id;

    signInAs(me);
    expect(await setDefaultAddressAction(null, form({ addressId: leedsId }))).toEqual({
      ok: false,
      error: "address.errors.not_found",
    });
    expect(await setDefaultAddressAction(null, form({}))).toMatchObject({ ok: false, error: "invalid_input" });
    expect(await setDefaultAddressAction(null, form({ addressId: osakaId }))).toEqual({ ok: true });
    expect(await defaults(me)).toEqual(["Osaka"]);
    expect(await defaults(stranger)).toEqual(["Leeds"]);
  });

  it("is what checkout offers first, even when another address was used more recently", async () => {
    const me = await buyer();
    await add(berlin);
    await add({ ...osaka, makeDefault: "on" });
    // Saving Berlin again at checkout marks it most recently used; the default still comes first.
    await expect(saveAddressAction(null, form(berlin))).rejects.toThrow(/NEXT_REDIRECT \/checkout\?address=/);
    // Checkout (getCheckoutShipping) and placeOrder without a chosen id take the first of this list.
    const offered = await listAddressesForUser(db, { userId: me.id });
    expect(offered.map((a) => a.city)).toEqual(["Osaka", "Berlin"]);
  });

  it("passes to the most recently used address when the default is deleted", async () => {
    const me = await buyer();
    await add(berlin);
    await add(osaka);
    await add(leeds);
    const [first] = await book(me);
    expect(first).toMatchObject({ city: "Berlin", isDefault: true });

    const stranger = await buyer();
    expect(await deleteAddressAction(null, form({ addressId: first!.id }))).toEqual({
      ok: false,
      error: "address.errors.not_found",
    });
    expect(await book(me)).toHaveLength(3);

    signInAs(me);
    expect(await deleteAddressAction(null, form({ addressId: first!.id }))).toEqual({ ok: true });
    expect(await defaults(me)).toEqual(["Leeds"]);
    for (const a of await book(me)) await deleteAddressAction(null, form({ addressId: a.id }));
    expect(await db.select().from(addresses).where(eq(addresses.userId, me.id))).toEqual([]);
    expect(await book(stranger)).toEqual([]);
  });
});
