/**
 * From parsed interactions to train/test matrices for offline evaluation (evaluate.ts).
 *
 * indexInteractions: keeps ratings >= minRating (if given), maps ids to dense indices in first-seen
 * order, and deduplicates user-item pairs (a customer buying the same product on three invoices is one
 * positive; the rating kept is the highest).
 * splitTrainTest, seeded:
 * - "user": per user, a random share of that user's interactions goes to test; users with fewer than 2
 *   interactions keep everything in train (nothing would be left to learn them from).
 * - "item": the same per item (stratified by item, so test mirrors the catalogue's popularity profile);
 *   items with fewer than 2 interactions stay in train.
 * A group of m >= 2 interactions holds out round(ratio * m), clamped to [1, m - 1].
 */
import { createRng } from "../random";
import type { RawInteraction } from "./ratings-file";
import { binarize, csrFromTriplets, type Csr } from "./sparse";

export type IndexedInteractions = {
  userIds: string[];
  itemIds: string[];
  users: Int32Array;
  items: Int32Array;
  ratings: Float64Array;
  /** Raw rows before deduplication, after the rating filter. */
  rowsKept: number;
  rowsBelowMinRating: number;
};

export function indexInteractions(
  rows: readonly RawInteraction[],
  options: { minRating?: number } = {},
): IndexedInteractions {
  const { minRating } = options;
  const userIndex = new Map<string, number>();
  const itemIndex = new Map<string, number>();
  const userIds: string[] = [];
  const itemIds: string[] = [];
  const u: number[] = [];
  const i: number[] = [];
  const r: number[] = [];
  let below = 0;
  for (const row of rows) {
    if (minRating !== undefined && !(row.rating >= minRating)) {
      below++;
      continue;
    }
    let a = userIndex.get(row.user);
    if (a === undefined) userIndex.set(row.user, (a = userIds.push(row.user) - 1));
    let b = itemIndex.get(row.item);
    if (b === undefined) itemIndex.set(row.item, (b = itemIds.push(row.item) - 1));
    u.push(a);
    i.push(b);
    r.push(row.rating);
  }
  // Dedupe through the CSR builder ("max" keeps the highest rating of a repeated pair).
  const m = csrFromTriplets(userIds.length, itemIds.length, u, i, r, "max");
  const users = new Int32Array(m.indices.length);
  for (let row = 0; row < m.nRows; row++) users.fill(row, m.indptr[row]!, m.indptr[row + 1]!);
  return { userIds, itemIds, users, items: m.indices, ratings: m.data, rowsKept: u.length, rowsBelowMinRating: below };
}

export type SplitMode = "user" | "item";

export type TrainTest = {
  /** users x items, binary (implicit feedback). */
  train: Csr;
  test: Csr;
};

export function splitTrainTest(
  data: IndexedInteractions,
  options: { mode: SplitMode; testRatio: number; seed: number },
): TrainTest {
  const { mode, testRatio, seed } = options;
  if (!(testRatio > 0 && testRatio < 1)) throw new RangeError(`split: test ratio must be in (0, 1), got ${testRatio}`);
  const nnz = data.users.length;
  const groupOf = mode === "user" ? data.users : data.items;
  const nGroups = mode === "user" ? data.userIds.length : data.itemIds.length;
  // Counting sort of pair indices by group; within a group, pairs stay in (user, item) order so the
  // shuffle below is the only source of randomness.
  const start = new Int32Array(nGroups + 1);
  for (let p = 0; p < nnz; p++) start[groupOf[p]! + 1]!++;
  for (let g = 0; g < nGroups; g++) start[g + 1]! += start[g]!;
  const order = new Int32Array(nnz);
  const fill = start.slice(0, nGroups);
  for (let p = 0; p < nnz; p++) order[fill[groupOf[p]!]!++] = p;
  const isTest = new Uint8Array(nnz);
  const rng = createRng(seed);
  for (let g = 0; g < nGroups; g++) {
    const a = start[g]!;
    const m = start[g + 1]! - a;
    if (m < 2) continue;
    const nTest = Math.min(m - 1, Math.max(1, Math.round(testRatio * m)));
    // Partial Fisher-Yates over the group's slice: its first nTest entries are a uniform sample.
    for (let t = 0; t < nTest; t++) {
      const j = t + rng.int(m - t);
      const tmp = order[a + t]!;
      order[a + t] = order[a + j]!;
      order[a + j] = tmp;
      isTest[order[a + t]!] = 1;
    }
  }
  const build = (flag: number) => {
    const rows: number[] = [];
    const cols: number[] = [];
    for (let p = 0; p < nnz; p++) {
      if (isTest[p] !== flag) continue;
      rows.push(data.users[p]!);
      cols.push(data.items[p]!);
    }
    return binarize(
      csrFromTriplets(data.userIds.length, data.itemIds.length, rows, cols, new Float64Array(rows.length)),
    );
  };
  return { train: build(0), test: build(1) };
}

export type CrossDomainSplit = TrainTest & {
  /** Users with at least one target-domain item and at least one item of another domain. */
  eligibleUsers: number;
  /** The held-out users (ascending): all their target-domain interactions are in test. */
  testUsers: Int32Array;
};

/**
 * Cross-domain split, seeded: among the eligible users (history in the target domain and in at least one
 * other), round(testRatio * eligible) users (at least one) are drawn without replacement; ALL of their
 * target-domain interactions go to test, everything else (their other domains, every other user) stays
 * in train. The question it asks: knowing only what someone did elsewhere, can a model find what they
 * take in the target domain? `domainOf[item]` is the item's domain number; a negative number means
 * "no domain": such an item never makes a user eligible and always stays in train.
 */
export function splitCrossDomain(
  data: IndexedInteractions,
  options: { domainOf: ArrayLike<number>; target: number; testRatio: number; seed: number },
): CrossDomainSplit {
  const { domainOf, target, testRatio, seed } = options;
  if (!(testRatio > 0 && testRatio < 1)) throw new RangeError(`split: test ratio must be in (0, 1), got ${testRatio}`);
  if (domainOf.length !== data.itemIds.length)
    throw new RangeError(`split: domainOf has ${domainOf.length} entries for ${data.itemIds.length} items`);
  const nUsers = data.userIds.length;
  const nnz = data.users.length;
  // Bit 1: some target-domain item; bit 2: some item of another (known) domain.
  const seen = new Uint8Array(nUsers);
  for (let p = 0; p < nnz; p++) {
    const d = domainOf[data.items[p]!]!;
    if (d < 0) continue;
    seen[data.users[p]!]! |= d === target ? 1 : 2;
  }
  const eligible: number[] = [];
  for (let u = 0; u < nUsers; u++) if (seen[u] === 3) eligible.push(u);
  const nTest = eligible.length === 0 ? 0 : Math.max(1, Math.round(testRatio * eligible.length));
  // Partial Fisher-Yates over the eligible users in index order: the first nTest are a uniform sample.
  const rng = createRng(seed);
  for (let t = 0; t < nTest; t++) {
    const j = t + rng.int(eligible.length - t);
    const tmp = eligible[t]!;
    eligible[t] = eligible[j]!;
    eligible[j] = tmp;
  }
  const testUsers = Int32Array.from(eligible.slice(0, nTest)).sort();
  const heldOut = new Uint8Array(nUsers);
  for (const u of testUsers) heldOut[u] = 1;
  const rows = [[], []] as [number[], number[]];
  const cols = [[], []] as [number[], number[]];
  for (let p = 0; p < nnz; p++) {
    const u = data.users[p]!;
    const side = heldOut[u] === 1 && domainOf[data.items[p]!] === target ? 1 : 0;
    rows[side].push(u);
    cols[side].push(data.items[p]!);
  }
  const build = (side: 0 | 1) =>
    binarize(csrFromTriplets(nUsers, data.itemIds.length, rows[side], cols[side], new Float64Array(rows[side].length)));
  return { train: build(0), test: build(1), eligibleUsers: eligible.length, testUsers };
}
