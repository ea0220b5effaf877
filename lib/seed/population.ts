/**
 * A synthetic population for recommendation benchmarks: consumers with hidden personas and six months of
 * behaviour (views with dwell time, add-to-cart, purchases, follows) shaped by those personas.
 *
 *   const summary = await generatePopulation(db, { users: 50_000, events: 1_000_000, seed: 1 });
 *
 * Structure the models should be able to find:
 * - every user has a persona (plus, for a quarter of them, a weaker second one) that prefers a set of
 *   tags across BOTH courses and artworks, so taste crosses the two worlds (ink learners collect ink,
 *   finance learners buy editions);
 * - within a persona's preferred items popularity is Zipf-like (a few hits, a long tail), and a
 *   persona-specific share of picks ignores taste and follows site-wide popularity (noise);
 * - a funnel: many views, fewer carts, fewer purchases. Preferred items get longer dwell times, and a
 *   longer look makes a cart more likely, so dwell carries signal;
 * - activity is heavy-tailed (log-normal): most users have a handful of events, a few have hundreds.
 *
 * Reproducible: the output is a function of (seed, users, events, now, published catalogue) only. Each
 * user draws from their own generator seeded by (seed, user index), and timestamps are spread over the
 * 180 days before `now` (a fixed date by default, never the wall clock).
 *
 * Re-running. Users are upserted (onConflictDoNothing). Events are written in chunks of whole users;
 * each chunk is one transaction that deletes the chunk's users' old synthetic events and follows and
 * inserts the new ones. A chunk is skipped when each of its users already has exactly the planned number
 * of events from a run with the same fingerprint (stamped in `props.population` on each user's first
 * event). So:
 * - the same arguments again: nothing is written (every chunk is kept), no duplicates;
 * - an interrupted run: committed chunks are kept, the rest are written; the result equals an
 *   uninterrupted run;
 * - other arguments or seed: every chunk is regenerated, and synthetic users beyond the new `users` are
 *   deleted with their events, so the database converges to exactly the requested population.
 * It never touches users, events or follows outside the synthetic population (emails
 * `user{i}@synthetic.atelier.test`). Purchases are behaviour events only: no orders, enrollments or stock
 * changes are made.
 */
import { createHash } from "node:crypto";
import { eq, inArray, like, sql } from "drizzle-orm";
import { z } from "zod";
import { createRng, type Rng } from "@/lib/random";
import type { Db } from "@/db/client";
import { events, follows, products, productTags, tags, users, type EventType } from "@/db/schema";
import { seedId } from "./ids";

export const SYNTHETIC_EMAIL_DOMAIN = "synthetic.atelier.test";
export const DEFAULT_POPULATION_NOW = new Date("2026-11-01T00:00:00Z");
export const POPULATION_WINDOW_DAYS = 180;
export const POPULATION_LIMITS = { users: 1_000_000, events: 20_000_000 } as const;
/** Bump when the generator changes, so an old population is regenerated rather than kept. */
const GENERATOR_VERSION = 1;
const DAY_MS = 86_400_000;

export function syntheticUserId(index: number): string {
  return seedId("synthetic-user", String(index));
}

export function syntheticUserEmail(index: number): string {
  return `user${index}@${SYNTHETIC_EMAIL_DOMAIN}`;
}

// ---------------------------------------------------------------------------------------------------
// Personas

export type Persona = {
  slug: string;
  label: string;
  /** Share of the population (the shares sum to 1). */
  share: number;
  /** Tag slug -> strength of interest in (0, 1]; spans course and artwork tags on purpose. */
  tags: Record<string, number>;
  /** Chance that a taste-driven pick is a course rather than an artwork. */
  courseShare: number;
  /** Chance that a pick ignores taste and follows site-wide popularity. */
  explore: number;
  /** Multiplies the chance of carting and buying. */
  buyer: number;
};

export const PERSONAS: readonly Persona[] = [
  {
    slug: "ink-learner-collector",
    label: "Ink learner who collects ink",
    share: 0.16,
    tags: { "shan-shui": 1, "sumi-e": 1, "bird-and-flower": 0.9, "song-dynasty": 0.6 },
    courseShare: 0.5,
    explore: 0.12,
    buyer: 1.1,
  },
  {
    slug: "calligraphy-student",
    label: "Calligraphy student who frames written works",
    share: 0.1,
    tags: { "regular-script": 1, "cursive-script": 1, "brush-lettering": 0.6, "sumi-e": 0.3 },
    courseShare: 0.6,
    explore: 0.12,
    buyer: 1,
  },
  {
    slug: "finance-edition-buyer",
    label: "Finance learner who buys editions",
    share: 0.12,
    tags: {
      investing: 1,
      "alternative-assets": 1,
      "limited-edition": 1,
      "art-market": 0.8,
      budgeting: 0.7,
      screenprint: 0.4,
    },
    courseShare: 0.6,
    explore: 0.1,
    buyer: 1.3,
  },
  {
    slug: "photography-all-rounder",
    label: "Photography all-rounder",
    share: 0.14,
    tags: { "street-photography": 1, "landscape-photography": 1, "fine-art-print": 1, composition: 0.4 },
    courseShare: 0.45,
    explore: 0.12,
    buyer: 1,
  },
  {
    slug: "print-collector",
    label: "Printmaking fan who collects prints",
    share: 0.1,
    tags: { woodblock: 1, etching: 1, screenprint: 1, "limited-edition": 0.5 },
    courseShare: 0.3,
    explore: 0.12,
    buyer: 1.2,
  },
  {
    slug: "abstract-designer",
    label: "Design learner who buys abstract art",
    share: 0.12,
    tags: { "colour-theory": 1, composition: 1, geometric: 1, minimalism: 0.8, typography: 0.6, gestural: 0.6 },
    courseShare: 0.5,
    explore: 0.12,
    buyer: 1,
  },
  {
    slug: "art-history-connoisseur",
    label: "Art-history connoisseur",
    share: 0.1,
    tags: {
      renaissance: 1,
      impressionism: 1,
      modernism: 1,
      provenance: 0.8,
      "art-market": 0.5,
      "song-dynasty": 0.5,
      gestural: 0.4,
    },
    courseShare: 0.7,
    explore: 0.12,
    buyer: 0.9,
  },
  {
    slug: "emerging-artist",
    label: "Emerging artist building a career",
    share: 0.08,
    tags: { portfolio: 1, freelancing: 1, "gallery-representation": 1, budgeting: 0.6, gestural: 0.5, etching: 0.4 },
    courseShare: 0.8,
    explore: 0.15,
    buyer: 0.8,
  },
  {
    slug: "casual-browser",
    label: "Casual browser without a clear taste",
    share: 0.08,
    tags: {},
    courseShare: 0.5,
    explore: 1,
    buyer: 0.6,
  },
];

// ---------------------------------------------------------------------------------------------------
// Pure core: catalogue model, user profiles, event chains

export type CatalogueItem = {
  id: string;
  kind: "course" | "artwork" | "bundle";
  price: number;
  creatorId: string;
  tags: string[];
};

/** Draws an index with probability proportional to its weight. */
type Sampler = { items: Int32Array; cum: Float64Array };

function makeSampler(items: number[], weights: number[]): Sampler | null {
  if (items.length === 0) return null;
  const cum = new Float64Array(items.length);
  let total = 0;
  for (let k = 0; k < items.length; k++) cum[k] = total += weights[k] as number;
  return { items: Int32Array.from(items), cum };
}

function sample(s: Sampler, rng: Rng): number {
  const target = rng.next() * (s.cum[s.cum.length - 1] as number);
  let lo = 0;
  let hi = s.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((s.cum[mid] as number) > target) hi = mid;
    else lo = mid + 1;
  }
  return s.items[lo] as number;
}

/** Zipf exponents: site-wide popularity, and popularity within a persona's preferred items. */
const GLOBAL_ZIPF = 1.1;
const PERSONA_ZIPF = 0.9;

type Model = {
  items: CatalogueItem[];
  /** affinity[p][j]: persona p's interest in item j (0 = not preferred). */
  affinity: Float64Array[];
  /** A persona's own "hits": fixed per (persona, item), shared by every user of the persona. */
  hitNoise: Float64Array[];
  global: Sampler;
  preferred: Map<string, { course: Sampler | null; other: Sampler | null }>;
};

function buildModel(items: CatalogueItem[], seed: number): Model {
  const rng = createRng(mix32(seed ^ 0x5eed, 0x7fffffff));
  // Site-wide popularity: a seeded random order, Zipf weights down that order.
  const order = items.map((_, j) => j);
  for (let k = order.length - 1; k > 0; k--) {
    const r = rng.int(k + 1);
    [order[k], order[r]] = [order[r] as number, order[k] as number];
  }
  const global = makeSampler(
    order,
    order.map((_, rank) => 1 / Math.pow(rank + 1, GLOBAL_ZIPF)),
  );
  if (!global)
    throw new Error("generatePopulation: the catalogue has no published products; run the catalogue seed first");
  const affinity = PERSONAS.map((p) =>
    Float64Array.from(items, (item) => item.tags.reduce((a, t) => a + (p.tags[t] ?? 0), 0)),
  );
  const hitNoise = PERSONAS.map(() => Float64Array.from(items, () => Math.exp(0.5 * rng.normal())));
  return { items, affinity, hitNoise, global, preferred: new Map() };
}

/**
 * A persona's preferred items of one side (courses or the rest), Zipf-weighted by rank of affinity x hit
 * noise; a user's focus tag doubles the affinity of items carrying it, so users of a persona differ.
 */
function preferredSamplers(model: Model, persona: number, focus: string | null) {
  const key = `${persona}:${focus ?? ""}`;
  let entry = model.preferred.get(key);
  if (!entry) {
    const side = (course: boolean) => {
      const scored: { j: number; score: number }[] = [];
      model.items.forEach((item, j) => {
        const a = model.affinity[persona]?.[j] ?? 0;
        if (a <= 0 || (item.kind === "course") !== course) return;
        const boost = focus && item.tags.includes(focus) ? 2 : 1;
        scored.push({ j, score: a * boost * (model.hitNoise[persona]?.[j] ?? 1) });
      });
      scored.sort((x, y) => y.score - x.score || x.j - y.j);
      return makeSampler(
        scored.map((s) => s.j),
        scored.map((_, rank) => 1 / Math.pow(rank + 1, PERSONA_ZIPF)),
      );
    };
    entry = { course: side(true), other: side(false) };
    model.preferred.set(key, entry);
  }
  return entry;
}

type Profile = {
  persona: number;
  secondary: number;
  focus: string | null;
  activity: number;
  buyer: number;
  signupAt: number;
};

const PERSONA_CUM = (() => {
  let total = 0;
  return PERSONAS.map((p) => (total += p.share));
})();

function pickPersona(rng: Rng): number {
  const u = rng.next() * (PERSONA_CUM[PERSONA_CUM.length - 1] as number);
  const p = PERSONA_CUM.findIndex((c) => u < c);
  return p < 0 ? PERSONAS.length - 1 : p;
}

/** A user's hidden traits, drawn from their own generator so they depend on (seed, index) only. */
function userProfile(seed: number, index: number, now: number): Profile {
  const rng = createRng(mix32(seed, 2 * index));
  const persona = pickPersona(rng);
  let secondary = -1;
  if (rng.next() < 0.25) {
    const other = pickPersona(rng);
    if (other !== persona) secondary = other;
  }
  const strong = Object.entries(PERSONAS[persona]?.tags ?? {})
    .filter(([, w]) => w >= 0.6)
    .map(([t]) => t);
  const focus = strong.length > 0 && rng.next() < 0.7 ? (strong[rng.int(strong.length)] as string) : null;
  const activity = Math.exp(rng.normal());
  const buyer = Math.min(3, Math.exp(0.4 * rng.normal()) * (PERSONAS[persona]?.buyer ?? 1));
  const signupAt = now - (POPULATION_WINDOW_DAYS + rng.int(365)) * DAY_MS - rng.int(DAY_MS);
  return { persona, secondary, focus, activity, buyer, signupAt };
}

type EventRow = typeof events.$inferInsert;
type FollowRow = typeof follows.$inferInsert;

/**
 * Exactly `count` events for one user, as browsing chains: view -> maybe cart -> maybe purchase, and now
 * and then a follow of the creator after a long look. A chain cut by the budget keeps its funnel order.
 */
function userEvents(
  model: Model,
  profile: Profile,
  userId: string,
  count: number,
  rng: Rng,
  now: number,
): { events: EventRow[]; follows: FollowRow[] } {
  const out: EventRow[] = [];
  const followRows: FollowRow[] = [];
  const purchased = new Set<number>();
  const followed = new Set<string>();
  const windowStart = now - POPULATION_WINDOW_DAYS * DAY_MS;
  // Chains start at least a day before `now`, so carts and purchases minutes later stay in the past.
  const windowLength = (POPULATION_WINDOW_DAYS - 1) * DAY_MS;

  while (out.length < count) {
    const useSecondary = profile.secondary >= 0 && rng.next() < 0.3;
    const persona = useSecondary ? profile.secondary : profile.persona;
    const traits = PERSONAS[persona] as Persona;
    let j: number;
    if (rng.next() < traits.explore) {
      j = sample(model.global, rng);
    } else {
      const samplers = preferredSamplers(model, persona, useSecondary ? null : profile.focus);
      const wantCourse = rng.next() < traits.courseShare;
      const s = (wantCourse ? samplers.course : samplers.other) ?? samplers.course ?? samplers.other ?? model.global;
      j = sample(s, rng);
    }
    const item = model.items[j] as CatalogueItem;
    const preferred = (model.affinity[persona]?.[j] ?? 0) > 0;
    const isCourse = item.kind === "course";

    const at = windowStart + Math.floor(rng.next() * windowLength);
    // Log-normal dwell: a preferred item holds attention about four times longer.
    const dwellSeconds = (preferred ? 40 : 9) * Math.exp(0.9 * rng.normal());
    const dwellMs = Math.round(Math.min(1_800_000, Math.max(400, dwellSeconds * 1000)));
    out.push({ type: "view", userId, productId: item.id, dwellMs, createdAt: new Date(at) });
    if (out.length >= count) break;

    if (preferred && dwellMs > 45_000 && !followed.has(item.creatorId) && rng.next() < 0.04) {
      followed.add(item.creatorId);
      const followedAt = new Date(at + dwellMs);
      out.push({
        type: "follow",
        userId,
        productId: item.id,
        props: { creatorId: item.creatorId },
        createdAt: followedAt,
      });
      followRows.push({ followerId: userId, targetKind: "creator", targetId: item.creatorId, createdAt: followedAt });
      if (out.length >= count) break;
    }

    if (purchased.has(j) || item.price <= 0) continue;
    const base = preferred ? (isCourse ? 0.09 : 0.06) : 0.012;
    const intent = Math.min(2, Math.max(0.3, Math.sqrt(dwellSeconds / 30)));
    if (rng.next() >= base * profile.buyer * intent) continue;
    const cartAt = at + dwellMs + 5_000 + rng.int(115_000);
    out.push({ type: "add_to_cart", userId, productId: item.id, createdAt: new Date(cartAt) });
    if (out.length >= count) break;

    // Courses convert well from a cart; expensive originals less so.
    const pBuy = isCourse ? 0.55 : 0.5 * Math.min(1, Math.pow(50_000 / item.price, 0.4));
    if (rng.next() >= pBuy) continue;
    purchased.add(j);
    out.push({
      type: "purchase",
      userId,
      productId: item.id,
      value: item.price,
      createdAt: new Date(cartAt + 30_000 + rng.int(7_200_000)),
    });
  }
  return { events: out, follows: followRows };
}

/** Splits `total` over the weights so the parts are integers that sum to exactly `total`. */
function allocate(total: number, weights: Float64Array): Int32Array {
  const counts = new Int32Array(weights.length);
  let sum = 0;
  for (const w of weights) sum += w;
  if (sum <= 0 || total === 0) return counts;
  let cum = 0;
  let prev = 0;
  for (let i = 0; i < weights.length; i++) {
    cum += weights[i] as number;
    const upTo = i === weights.length - 1 ? total : Math.round((total * cum) / sum);
    counts[i] = upTo - prev;
    prev = upTo;
  }
  return counts;
}

/** A 32-bit integer hash of two integers (murmur3 finaliser): independent generator seeds per user. */
function mix32(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ Math.imul((b >>> 0) + 0x632be5ab, 0x85ebca77)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------
// The job: load the catalogue, write users and events

export type PopulationProgress = {
  phase: "users" | "events";
  /** Rows of this phase accounted for (written or already present). */
  done: number;
  total: number;
  /** Rows of this phase actually written so far. */
  written: number;
  elapsedMs: number;
};

const optionsSchema = z.object({
  users: z.number().int().min(0).max(POPULATION_LIMITS.users),
  events: z.number().int().min(0).max(POPULATION_LIMITS.events),
  seed: z.number().int().min(0).max(0xffffffff),
  now: z.date().default(DEFAULT_POPULATION_NOW),
  /** Rows per INSERT statement (7 parameters a row stay well under PostgreSQL's 65,535). */
  batchSize: z.number().int().min(1).max(8_000).default(5_000),
  /** Chunks written at once. Above 1 only helps on a pooled driver (node-postgres). */
  concurrency: z.number().int().min(1).max(16).default(1),
});

export type PopulationOptions = z.input<typeof optionsSchema> & { onProgress?: (progress: PopulationProgress) => void };

export type PopulationSummary = {
  /** Identifies the generated population; stamped on each user's first event. */
  fingerprint: string;
  users: { total: number; inserted: number; removed: number };
  events: { total: number; written: number; kept: number; byType: Partial<Record<EventType, number>> };
  /** Follow rows of the synthetic users. */
  follows: number;
  /** Users per persona slug. */
  personas: Record<string, number>;
  elapsedMs: number;
};

const SYNTHETIC_EMAIL_PATTERN = `%@${SYNTHETIC_EMAIL_DOMAIN}`;

async function loadCatalogue(db: Db): Promise<CatalogueItem[]> {
  const rows = await db
    .select({ id: products.id, kind: products.kind, price: products.priceAmount, creatorId: products.creatorId })
    .from(products)
    .where(eq(products.status, "published"))
    .orderBy(products.id);
  const tagRows = await db
    .select({ productId: productTags.productId, slug: tags.slug })
    .from(productTags)
    .innerJoin(tags, eq(tags.id, productTags.tagId))
    .orderBy(productTags.productId, tags.slug);
  const byProduct = new Map<string, string[]>();
  for (const t of tagRows) byProduct.set(t.productId, [...(byProduct.get(t.productId) ?? []), t.slug]);
  return rows.map((r) => ({ ...r, tags: byProduct.get(r.id) ?? [] }));
}

export async function generatePopulation(db: Db, options: PopulationOptions): Promise<PopulationSummary> {
  const { onProgress } = options;
  const opts = optionsSchema.parse(options);
  if (opts.events > 0 && opts.users === 0) throw new RangeError("generatePopulation: events need at least one user");
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const now = opts.now.getTime();

  const items = await loadCatalogue(db);
  const model = buildModel(items, opts.seed);
  const fingerprint = createHash("sha1")
    .update(
      JSON.stringify({ v: GENERATOR_VERSION, seed: opts.seed, users: opts.users, events: opts.events, now, items }),
    )
    .digest("hex")
    .slice(0, 16);

  // Profiles and per-user event budgets.
  const profiles: Profile[] = new Array<Profile>(opts.users);
  const activity = new Float64Array(opts.users);
  const personas: Record<string, number> = Object.fromEntries(PERSONAS.map((p) => [p.slug, 0]));
  for (let i = 0; i < opts.users; i++) {
    const profile = userProfile(opts.seed, i, now);
    profiles[i] = profile;
    activity[i] = profile.activity;
    const slug = (PERSONAS[profile.persona] as Persona).slug;
    personas[slug] = (personas[slug] ?? 0) + 1;
  }
  const budget = allocate(opts.events, activity);
  const ids = Array.from({ length: opts.users }, (_, i) => syntheticUserId(i));

  // Users beyond the requested count (from an earlier, larger run) go, with their events.
  const removed = await db.transaction(async (tx) => {
    // CASE, not AND: PostgreSQL may evaluate the cast before the pattern test otherwise.
    const pattern = `^user[0-9]{1,9}@${SYNTHETIC_EMAIL_DOMAIN.replaceAll(".", "\\.")}$`;
    const extra = sql`select id from ${users} where case when ${users.email} ~ ${pattern}
      then split_part(substr(${users.email}, 5), '@', 1)::int >= ${opts.users} else false end`;
    await tx.delete(events).where(sql`${events.userId} in (${extra})`);
    const gone = await tx
      .delete(users)
      .where(sql`${users.id} in (${extra})`)
      .returning({ id: users.id });
    return gone.length;
  });

  // Users: skipped when all are present, otherwise upserted in batches.
  const [present] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(like(users.email, SYNTHETIC_EMAIL_PATTERN));
  let insertedUsers = 0;
  if ((present?.n ?? 0) !== opts.users) {
    for (let start = 0; start < opts.users; start += opts.batchSize) {
      const rows = [];
      for (let i = start; i < Math.min(opts.users, start + opts.batchSize); i++) {
        rows.push({
          id: ids[i] as string,
          email: syntheticUserEmail(i),
          name: `Synthetic user ${i}`,
          role: "consumer" as const,
          passwordHash: null,
          createdAt: new Date((profiles[i] as Profile).signupAt),
        });
      }
      const inserted = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id });
      insertedUsers += inserted.length;
      onProgress?.({
        phase: "users",
        done: start + rows.length,
        total: opts.users,
        written: insertedUsers,
        elapsedMs: elapsed(),
      });
    }
  } else {
    onProgress?.({ phase: "users", done: opts.users, total: opts.users, written: 0, elapsedMs: elapsed() });
  }

  // What is there already: per synthetic user, how many events and from which population.
  const existingRows = await db
    .select({
      userId: events.userId,
      n: sql<number>`count(*)::int`,
      population: sql<string | null>`max(${events.props}->>'population')`,
    })
    .from(events)
    .innerJoin(users, eq(users.id, events.userId))
    .where(like(users.email, SYNTHETIC_EMAIL_PATTERN))
    .groupBy(events.userId);
  const existing = new Map(existingRows.map((r) => [r.userId as string, r]));

  // Events, in chunks of whole users of about batchSize rows.
  let done = 0;
  let written = 0;
  let kept = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;

  const writeChunk = async (from: number, to: number, size: number) => {
    const chunkIds = ids.slice(from, to);
    const upToDate = chunkIds.every((id, k) => {
      const want = budget[from + k] as number;
      const have = existing.get(id);
      return want === 0 ? !have : have?.n === want && have.population === fingerprint;
    });
    if (upToDate) {
      kept += size;
    } else {
      const rows: EventRow[] = [];
      const followRows: FollowRow[] = [];
      for (let i = from; i < to; i++) {
        const want = budget[i] as number;
        if (want === 0) continue;
        const generated = userEvents(
          model,
          profiles[i] as Profile,
          ids[i] as string,
          want,
          createRng(mix32(opts.seed, 2 * i + 1)),
          now,
        );
        const first = generated.events[0] as EventRow;
        first.props = { ...first.props, population: fingerprint };
        rows.push(...generated.events);
        followRows.push(...generated.follows);
      }
      const hadEvents = chunkIds.some((id) => existing.has(id));
      await db.transaction(async (tx) => {
        if (hadEvents) await tx.delete(events).where(inArray(events.userId, chunkIds));
        await tx.delete(follows).where(inArray(follows.followerId, chunkIds));
        for (let k = 0; k < rows.length; k += opts.batchSize)
          await tx.insert(events).values(rows.slice(k, k + opts.batchSize));
        for (let k = 0; k < followRows.length; k += opts.batchSize) {
          await tx
            .insert(follows)
            .values(followRows.slice(k, k + opts.batchSize))
            .onConflictDoNothing();
        }
      });
      written += rows.length;
    }
    done += size;
    onProgress?.({ phase: "events", done, total: opts.events, written, elapsedMs: elapsed() });
  };

  let from = 0;
  while (from < opts.users && failure === null) {
    let to = from;
    let size = 0;
    while (to < opts.users && size < opts.batchSize && to - from < opts.batchSize) size += budget[to++] as number;
    const task = writeChunk(from, to, size).catch((error: unknown) => {
      failure ??= error;
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= opts.concurrency) await Promise.race(inFlight);
    from = to;
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;

  const byTypeRows = await db
    .select({ type: events.type, n: sql<number>`count(*)::int` })
    .from(events)
    .innerJoin(users, eq(users.id, events.userId))
    .where(like(users.email, SYNTHETIC_EMAIL_PATTERN))
    .groupBy(events.type);
  const byType: Partial<Record<EventType, number>> = Object.fromEntries(byTypeRows.map((r) => [r.type, r.n]));
  const [followCount] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(follows)
    .innerJoin(users, eq(users.id, follows.followerId))
    .where(like(users.email, SYNTHETIC_EMAIL_PATTERN));

  return {
    fingerprint,
    users: { total: opts.users, inserted: insertedUsers, removed },
    events: { total: opts.events, written, kept, byType },
    follows: followCount?.n ?? 0,
    personas,
    elapsedMs: elapsed(),
  };
}
