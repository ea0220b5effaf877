/**
 * From loaded rows to the index spaces and sparse matrices the models read: users (and visitors) and
 * items get dense indices, cells become a users x items CSR of capped weights, plus a same-shaped CSR
 * of "what the user did" for reason texts and a count matrix for features.
 */
import { DEFAULT_EVENT_WEIGHTS, eventWeight, type EventWeights } from "../interactions";
import { csrFromTriplets, type Csr } from "../sparse";
import { VISITOR_KEY_PREFIX } from "../slots";
import type { CatalogueItem, LoadedData } from "./load";

export const KIND = { course: 0, artwork: 1, bundle: 2 } as const;
/** What the user did with an item, strongest wins: the verb of "because you took / bought / viewed X". */
export const RELATION = { viewed: 1, carted: 2, reviewed: 3, purchased: 4 } as const;
export const RELATION_NAMES = ["", "viewed", "carted", "reviewed", "purchased"] as const;

export type Prepared = {
  items: CatalogueItem[];
  nItems: number;
  itemIndex: Map<string, number>;
  kindOf: Uint8Array;
  recommendable: Uint8Array;
  creatorOf: Int32Array;
  creatorIds: string[];
  userKeys: string[];
  userIndex: Map<string, number>;
  isVisitor: Uint8Array;
  /** users x items, summed event weights capped at maxCellWeight; only cells with evidence. */
  x: Csr;
  /** Same pattern as x: RELATION code per cell. */
  relation: Csr;
  /** users x items, interaction counts (views + carts + purchases), bounces included. */
  counts: Csr;
  /** users x items, 1 where the user owns the item (purchase event, enrollment or paid order). */
  owned: Csr;
  /** users x items, 1 where the user said "not interested". */
  dismissed: Csr;
};

export function prepare(data: LoadedData, options: { weights?: EventWeights; maxCellWeight?: number } = {}): Prepared {
  const { weights = DEFAULT_EVENT_WEIGHTS, maxCellWeight = 10 } = options;
  const items = data.items;
  const nItems = items.length;
  const itemIndex = new Map(items.map((it, i) => [it.id, i] as const));
  const kindOf = Uint8Array.from(items, (it) => KIND[it.kind]);
  const recommendable = Uint8Array.from(items, (it) => (it.recommendable ? 1 : 0));
  const creatorIds: string[] = [];
  const creatorIndex = new Map<string, number>();
  const creatorOf = Int32Array.from(items, (it) => {
    let c = creatorIndex.get(it.creatorId);
    if (c === undefined) {
      c = creatorIds.push(it.creatorId) - 1;
      creatorIndex.set(it.creatorId, c);
    }
    return c;
  });

  const userKeys: string[] = [];
  const userIndex = new Map<string, number>();
  const userOf = (key: string) => {
    let u = userIndex.get(key);
    if (u === undefined) {
      u = userKeys.push(key) - 1;
      userIndex.set(key, u);
    }
    return u;
  };

  const { cells } = data;
  const wRows: number[] = [];
  const wCols: number[] = [];
  const wVals: number[] = [];
  const rVals: number[] = [];
  const cRows: number[] = [];
  const cCols: number[] = [];
  const cVals: number[] = [];
  const oRows: number[] = [];
  const oCols: number[] = [];
  const ownedKey = new Set<string>();
  for (let t = 0; t < cells.userKey.length; t++) {
    const i = itemIndex.get(cells.productId[t]!);
    if (i === undefined) continue;
    const u = userOf(cells.userKey[t]!);
    cRows.push(u);
    cCols.push(i);
    cVals.push(cells.views[t]! + cells.carts[t]! + cells.purchases[t]!);
    const rel = cells.purchases[t]! > 0 ? RELATION.purchased : cells.carts[t]! > 0 ? RELATION.carted : RELATION.viewed;
    if (cells.purchases[t]! > 0) {
      oRows.push(u);
      oCols.push(i);
      ownedKey.add(`${u}:${i}`);
    }
    if (cells.weight[t]! > 0) {
      wRows.push(u);
      wCols.push(i);
      wVals.push(cells.weight[t]!);
      rVals.push(rel);
    }
  }
  // Orders and enrollments the events do not show (bought before tracking, or without consent): they
  // are owned, and they are the strongest evidence of taste there is.
  for (const o of data.owned) {
    const i = itemIndex.get(o.productId);
    if (i === undefined) continue;
    const u = userOf(o.userId);
    const key = `${u}:${i}`;
    if (ownedKey.has(key)) continue;
    ownedKey.add(key);
    oRows.push(u);
    oCols.push(i);
    wRows.push(u);
    wCols.push(i);
    wVals.push(weights.purchase);
    rVals.push(RELATION.purchased);
  }
  for (const r of data.reviews) {
    const i = itemIndex.get(r.productId);
    if (i === undefined) continue;
    const v = eventWeight({ type: "rating", rating: r.rating, userId: r.userId, itemId: r.productId }, weights);
    if (!(v > 0)) continue;
    wRows.push(userOf(r.userId));
    wCols.push(i);
    wVals.push(v);
    rVals.push(RELATION.reviewed);
  }

  const dRows: number[] = [];
  const dCols: number[] = [];
  for (const d of data.dismissed) {
    const i = itemIndex.get(d.productId);
    const u = userIndex.get(d.userKey);
    // A user with no evidence gets no personal list, so their dismissals only matter to the reader.
    if (i === undefined || u === undefined) continue;
    dRows.push(u);
    dCols.push(i);
  }
  const nUsers = userKeys.length;
  const x = csrFromTriplets(nUsers, nItems, wRows, wCols, wVals, "sum");
  for (let p = 0; p < x.data.length; p++) if (x.data[p]! > maxCellWeight) x.data[p] = maxCellWeight;
  const relation = csrFromTriplets(nUsers, nItems, wRows, wCols, rVals, "max");
  const counts = csrFromTriplets(nUsers, nItems, cRows, cCols, cVals, "sum");
  const owned = csrFromTriplets(nUsers, nItems, oRows, oCols, new Float64Array(oRows.length).fill(1), "max");
  const dismissed = csrFromTriplets(nUsers, nItems, dRows, dCols, new Float64Array(dRows.length).fill(1), "max");
  const isVisitor = Uint8Array.from(userKeys, (k) => (k.startsWith(VISITOR_KEY_PREFIX) ? 1 : 0));
  return {
    items,
    nItems,
    itemIndex,
    kindOf,
    recommendable,
    creatorOf,
    creatorIds,
    userKeys,
    userIndex,
    isVisitor,
    x,
    relation,
    counts,
    owned,
    dismissed,
  };
}
