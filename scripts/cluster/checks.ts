/**
 * The checks of `npm run cluster` (scripts/cluster.ts), each against a running cluster
 * (scripts/cluster/harness.ts): instance A and B addressed directly where the check is about what
 * one instance does and the other sees, nginx where it is about the balancer. Each returns a line of
 * detail when it passes and throws (`fail`) with the reason when it does not. People who are not the
 * seeded demo accounts are made in the database with the app's own password hashing, then sign in over
 * HTTP like anyone else, each from a loopback address of their own (so 50 buyers are 50 addresses to
 * the per-address sign-in limit, as they would be in life).
 */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import type { Db } from "@/db/client";
import { queryRows } from "@/db/rows";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { INTERNAL_HEADER, internalToken } from "@/lib/experiments/internal-auth";
import type { Cluster, Instance } from "./harness";
import { hasField, HttpClient, pageText } from "./http";
import { addToCart, checkoutForm, pageForm, placeOrder, signIn, submit, type CheckoutAnswer } from "./shop";

export type CheckContext = { cluster: Cluster; db: Db; A: Instance; B: Instance; nginx: string };
export type Check = { id: string; title: string; run: (ctx: CheckContext) => Promise<string> };

/** A check's own verdict (as opposed to an error in the harness). */
export class CheckFailed extends Error {}
function fail(message: string): never {
  throw new CheckFailed(message);
}
function expect(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i] as T, i);
      }
    }),
  );
  return results;
}

/** Polls `probe` until it returns a value or `timeoutMs` passes; null then. */
async function pollFor<T>(probe: () => Promise<T | null>, timeoutMs: number, everyMs = 250): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() >= deadline) return null;
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------------
// People

const PEOPLE_PASSWORD = "cluster-buyer-2026";
let addressCount = 0;
/** A loopback address of its own for the next person (127.0.1.1, 127.0.1.2, ...). */
function nextAddress(): string {
  const n = addressCount++;
  return `127.0.${1 + Math.floor(n / 250)}.${1 + (n % 250)}`;
}

type Person = { id: string; email: string; client: HttpClient };

/** Verified consumer accounts made in the database (one argon2 hash for all), each with its own client. */
async function makePeople(db: Db, label: string, count: number): Promise<Person[]> {
  const passwordHash = await hashPassword(PEOPLE_PASSWORD);
  const stamp = `${process.pid}-${randomBytes(3).toString("hex")}`;
  const rows = await db
    .insert(users)
    .values(
      Array.from({ length: count }, (_, i) => ({
        email: `${label}-${i}-${stamp}@cluster.atelier.test`,
        name: `${label} ${i}`,
        passwordHash,
        role: "consumer" as const,
        emailVerified: new Date(),
      })),
    )
    .returning({ id: users.id, email: users.email });
  return rows.map((r) => ({ id: r.id, email: r.email!, client: new HttpClient({ localAddress: nextAddress() }) }));
}

/** A client with analytics consent (experiments count only visitors who gave it) and no other cookie. */
function visitor(): HttpClient {
  const client = new HttpClient({ localAddress: nextAddress() });
  client.cookies.set("atelier_consent", "analytics");
  return client;
}

async function campaignId(db: Db, slug: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(db, sql`select id from campaign where slug = ${slug}`);
  expect(row, `no campaign ${slug} in the seed`);
  return row.id;
}

const h1 = (html: string) => pageText(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? "");

// ---------------------------------------------------------------------------------------------------
// b. Experiment assignment

const LANDING = "ink-and-paper";

/** The headline each variant of a campaign shows (the variant's own, else the campaign's), by h1. */
async function variantHeadlines(db: Db, slug: string): Promise<Map<string, string>> {
  const rows = await queryRows<{ key: string; headline: string }>(
    db,
    sql`select v.key, coalesce(nullif(v.content->>'headline', ''), c.content->>'heroTitle') as headline
        from campaign c join experiment e on e.campaign_id = c.id join experiment_variant v on v.experiment_id = e.id
        where c.slug = ${slug} order by v.position`,
  );
  return new Map(rows.map((r) => [r.headline, r.key]));
}

async function shownVariant(client: HttpClient, base: string, headlines: Map<string, string>): Promise<string> {
  const res = await client.get(`${base}/c/${LANDING}`);
  expect(res.status === 200, `GET ${base}/c/${LANDING}: HTTP ${res.status}`);
  const headline = h1(res.text());
  const key = headlines.get(headline);
  expect(key, `the landing page on ${base} shows a headline no variant has: "${headline}"`);
  return key;
}

const assignment: Check = {
  id: "b",
  title: "a visitor sees the same variant whichever instance answers",
  async run({ db, A, B }) {
    const headlines = await variantHeadlines(db, LANDING);
    expect(headlines.size >= 2, `${LANDING} has fewer than two distinct variant headlines`);
    const seen = new Map<string, number>();
    let visitors = 0;
    // Until both variants have been seen (at least 8 visitors): a split where everyone sees the control
    // would pass trivially.
    while (visitors < 8 || seen.size < 2) {
      expect(visitors < 24, `24 visitors all saw "${[...seen.keys()].join(", ")}": is the experiment assigning?`);
      const [first, second] = visitors % 2 === 0 ? [A, B] : [B, A];
      const client = visitor();
      const there = await shownVariant(client, first.url, headlines);
      expect(
        [...client.cookies.keys()].some((k) => k.startsWith("atelier_ab_")),
        `${first.name} set no assignment cookie`,
      );
      const here = await shownVariant(client, second.url, headlines);
      expect(here === there, `visitor ${visitors + 1}: "${there}" on ${first.name}, "${here}" on ${second.name}`);
      // The same visitor id without the signed assignment cookie: the other instance hashes it afresh.
      const bare = visitor();
      for (const name of ["atelier_vid", "atelier_vfs"]) {
        const value = client.cookies.get(name);
        if (value) bare.cookies.set(name, value);
      }
      const hashed = await shownVariant(bare, second.url, headlines);
      expect(
        hashed === there,
        `visitor ${visitors + 1}: "${there}" on ${first.name}, "${hashed}" on ${second.name} by hash alone`,
      );
      client.close();
      bare.close();
      seen.set(there, (seen.get(there) ?? 0) + 1);
      visitors++;
    }
    return `${visitors} visitors, first on A or B then on the other (with and without the assignment cookie): ${[...seen].map(([k, n]) => `${n}× ${k}`).join(", ")}`;
  },
};

// ---------------------------------------------------------------------------------------------------
// a. Campaign changes made through A, served by B

const headlineEdit: Check = {
  id: "a1",
  title: "a running campaign's headline edited through A is served by B within 10 s",
  async run({ db, A, B }) {
    const marketer = new HttpClient({ localAddress: nextAddress() });
    await signIn(marketer, A.url, "marketer@atelier.test");
    const id = await campaignId(db, LANDING);
    // B renders the landing page first, so it holds the campaign in its data cache (kept 60 s).
    const preview = `/c/${LANDING}?variant=control`;
    const before = await marketer.get(`${B.url}${preview}`);
    expect(before.status === 200, `B ${preview}: HTTP ${before.status}`);
    const oldHeadline = h1(before.text());

    const studio = await pageForm(marketer, A.url, `/studio/campaigns/${id}`, hasField("payload"), "campaign");
    const payload = JSON.parse(studio.form.fields.find(([n]) => n === "payload")?.[1] ?? "{}") as {
      content: { heroTitle: string };
    };
    const headline = `Paint the mountain with us (${randomBytes(3).toString("hex")})`;
    payload.content.heroTitle = headline;
    const saved = await submit(marketer, studio.url, studio.form, { payload: JSON.stringify(payload) });
    expect(
      saved.status === 303 && saved.location?.searchParams.get("saved") === "1",
      `saving on A answered HTTP ${saved.status} ${pageText(/role="alert"[^>]*>([\s\S]*?)<\/div>/.exec(saved.text())?.[1] ?? "")}`,
    );
    const savedAt = Date.now();
    const served = await pollFor(async () => {
      const res = await marketer.get(`${B.url}${preview}`);
      return res.status === 200 && h1(res.text()) === headline ? Date.now() : null;
    }, 10_000);
    expect(served, `B still shows "${h1((await marketer.get(`${B.url}${preview}`)).text())}" 10 s after the edit`);
    marketer.close();
    return `"${oldHeadline}" → "${headline}" on B ${seconds(served - savedAt)} after A saved it`;
  },
};

type RuntimeExperiment = { key: string; weights: number[]; bucketVersion: number };

async function runtimeExperiment(client: HttpClient, base: string, token: string, key: string) {
  const res = await client.get(`${base}/api/experiments/config`, { [INTERNAL_HEADER]: token });
  expect(res.status === 200, `${base}/api/experiments/config: HTTP ${res.status}`);
  const config = JSON.parse(res.text()) as { experiments: RuntimeExperiment[] };
  return config.experiments.find((e) => e.key === key) ?? null;
}

const weightChange: Check = {
  id: "a2",
  title: "new variant weights set through A are in B's experiments config within 10 s",
  async run({ cluster, db, A, B }) {
    const slug = "ink-and-paper-headline";
    const token = await internalToken(cluster.env.EXPERIMENT_SECRET!);
    const marketer = new HttpClient({ localAddress: nextAddress() });
    await signIn(marketer, A.url, "marketer@atelier.test");
    const id = await campaignId(db, slug);
    // B reads the config first (its copy is cached for 60 s unless invalidated).
    const before = await runtimeExperiment(marketer, B.url, token, slug);
    expect(before, `${slug} is not in B's running config`);

    // A running experiment's split cannot change in place (it would move visitors): pause, save, relaunch.
    const status = async (action: "pause" | "launch") => {
      const page = await pageForm(marketer, A.url, `/studio/campaigns/${id}`, hasField("action", action), action);
      const res = await submit(marketer, page.url, page.form);
      expect(res.status === 200 || res.status === 303, `${action} on A: HTTP ${res.status}`);
      const [row] = await queryRows<{ status: string }>(db, sql`select status from campaign where id = ${id}`);
      expect(
        row?.status === (action === "pause" ? "paused" : "running"),
        `after ${action} on A the campaign is ${row?.status}`,
      );
    };
    await status("pause");
    // The pause reaches B too: a paused experiment leaves the running config.
    const pausedAt = Date.now();
    const left = await pollFor(
      async () => ((await runtimeExperiment(marketer, B.url, token, slug)) === null ? Date.now() : null),
      10_000,
    );
    expect(left, `B's config still lists ${slug} 10 s after the pause on A`);
    const studio = await pageForm(marketer, A.url, `/studio/campaigns/${id}`, hasField("payload"), "campaign");
    const payload = JSON.parse(studio.form.fields.find(([n]) => n === "payload")?.[1] ?? "{}") as {
      experiment: { variants: { weight: number }[] };
    };
    const weights = [0.8, 0.2];
    expect(payload.experiment.variants.length === 2, `${slug} does not have two variants`);
    payload.experiment.variants.forEach((v, i) => (v.weight = weights[i] as number));
    const saved = await submit(marketer, studio.url, studio.form, { payload: JSON.stringify(payload) });
    expect(saved.status === 303, `saving the weights on A answered HTTP ${saved.status}`);
    // Once the save's invalidation has reached B (polled every second), B caches the paused state
    // again: from then on only the relaunch's invalidation can bring the new weights to B within 60 s.
    await sleep(1_500);
    expect((await runtimeExperiment(marketer, B.url, token, slug)) === null, `B lists ${slug} while it is paused`);
    await status("launch");
    const launchedAt = Date.now();
    const served = await pollFor(async () => {
      const now = await runtimeExperiment(marketer, B.url, token, slug);
      return now && now.weights.join() === weights.join() ? { at: Date.now(), now } : null;
    }, 10_000);
    const after = served?.now ?? (await runtimeExperiment(marketer, B.url, token, slug));
    expect(served, `B's config still has weights ${after?.weights.join("/")} 10 s after the relaunch on A`);
    expect(
      served.now.bucketVersion === before.bucketVersion + 1,
      `bucket version ${before.bucketVersion} → ${served.now.bucketVersion}, expected a new phase`,
    );
    marketer.close();
    return (
      `${slug}: paused on A, gone from B's config ${seconds(left - pausedAt)} later; relaunched on A with weights ` +
      `${before.weights.join("/")} → ${weights.join("/")} (bucket version ${before.bucketVersion} → ${served.now.bucketVersion}), in B's config ${seconds(served.at - launchedAt)} later`
    );
  },
};

// ---------------------------------------------------------------------------------------------------
// c. Uploads

const upload: Check = {
  id: "c",
  title: "a work image uploaded through A is served by B from the bucket",
  async run({ cluster, db, A, B }) {
    const consumer = new HttpClient({ localAddress: nextAddress() });
    await signIn(consumer, A.url, "consumer@atelier.test");
    const [course] = await queryRows<{ slug: string }>(
      db,
      sql`select slug from product where kind = 'course' and status = 'published' order by slug limit 1`,
    );
    expect(course, "no published course");
    const form = await pageForm(
      consumer,
      A.url,
      `/courses/${course.slug}`,
      (f) => f.attributes["aria-label"] === "Share your work",
      "share-your-work",
    );
    // Noise, so the re-encoded file is this run's and no other.
    const width = 480;
    const height = 360;
    const image = await sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
      .png()
      .toBuffer();
    const title = `Cluster study ${randomBytes(4).toString("hex")}`;
    const res = await submit(
      consumer,
      form.url,
      form.form,
      { title, story: "Painted on one instance, seen on the other.", tags: "ink, cluster" },
      { image: { data: image, name: "study.png", type: "image/png" } },
    );
    expect(res.status === 200 && res.text().includes("Published. Thank you"), `publishing on A: HTTP ${res.status}`);
    const [work] = await queryRows<{ image_file: string }>(db, sql`select image_file from work where title = ${title}`);
    expect(work, "the work is not in the database");
    const path = `/uploads/works/${work.image_file}`;

    const fromB = await consumer.get(`${B.url}${path}`);
    expect(fromB.status === 200, `B ${path}: HTTP ${fromB.status}`);
    expect(fromB.headers["content-type"] === "image/webp", `B serves it as ${fromB.headers["content-type"]}`);
    const fromA = await consumer.get(`${A.url}${path}`);
    expect(fromA.status === 200 && fromA.body.equals(fromB.body), "A and B serve different bytes");
    const s3 = new S3Client({
      region: cluster.s3.settings.region,
      endpoint: cluster.s3.settings.endpoint,
      forcePathStyle: true,
      credentials: {
        accessKeyId: cluster.s3.settings.accessKeyId!,
        secretAccessKey: cluster.s3.settings.secretAccessKey!,
      },
    });
    const object = await s3.send(
      new GetObjectCommand({ Bucket: cluster.s3.settings.bucket, Key: `works/${work.image_file}` }),
    );
    const stored = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    s3.destroy();
    expect(stored.equals(fromB.body), "the bucket holds other bytes than B serves");
    expect(
      fromB.body.subarray(0, 4).toString() === "RIFF" && fromB.body.subarray(8, 12).toString() === "WEBP",
      "what B serves is not a WebP image",
    );
    const local = cluster.instances.filter((i) => existsSync(i.uploadDir) && readdirSync(i.uploadDir).length > 0);
    expect(local.length === 0, `uploads written to local disk by ${local.map((i) => i.name).join(", ")}`);
    consumer.close();
    return `${path}: ${fromB.body.byteLength} bytes of image/webp on B, identical to A's and to the bucket object; no instance wrote to its disk`;
  },
};

// ---------------------------------------------------------------------------------------------------
// d. Sign-in attempts

const signInLimit: Check = {
  id: "d",
  title: "wrong passwords alternating between A and B are blocked from the 6th attempt",
  async run({ db, A, B }) {
    const [person] = await makePeople(db, "guess", 1);
    expect(person, "no account made");
    const outcomes: string[] = [];
    const attempt = async (instance: Instance, password: string) => {
      const page = await pageForm(person.client, instance.url, "/sign-in", hasField("callbackUrl"), "sign-in");
      const res = await submit(person.client, page.url, page.form, { email: person.email, password });
      const text = pageText(res.text());
      const outcome =
        res.status === 303
          ? "signed in"
          : /Too many attempts/.test(text)
            ? "too many attempts"
            : /do not match an account/.test(text)
              ? "wrong password"
              : `HTTP ${res.status}`;
      outcomes.push(`${instance.name}: ${outcome}`);
      return outcome;
    };
    for (let n = 1; n <= 5; n++) {
      const outcome = await attempt(n % 2 === 1 ? A : B, `not-the-password-${n}`);
      expect(outcome === "wrong password", `attempt ${n} (${outcomes.join(", ")})`);
    }
    const sixth = await attempt(B, "not-the-password-6");
    expect(sixth === "too many attempts", `the 6th attempt was answered "${sixth}" (${outcomes.join(", ")})`);
    // Blocked means blocked: the right password on the other instance is refused too.
    const right = await attempt(A, PEOPLE_PASSWORD);
    expect(right === "too many attempts", `the right password after the block: "${right}"`);
    person.client.close();
    return outcomes.map((o, i) => `${i + 1}. ${o}`).join("; ") + " (7th: the right password)";
  },
};

// ---------------------------------------------------------------------------------------------------
// e. One unique artwork, 50 buyers

/** Signs people in and fills each cart with `path`, spread over `instances`, a few at a time. */
async function readyBuyers(people: Person[], instances: Instance[], path: (p: Person, i: number) => string) {
  await mapLimit(people, 4, async (p, i) => {
    const at = instances[i % instances.length]!.url;
    await signIn(p.client, at, p.email, PEOPLE_PASSWORD);
    await addToCart(p.client, at, path(p, i));
  });
}

const uniqueArtwork: Check = {
  id: "e",
  title: "50 concurrent checkouts of one unique artwork over A and B make exactly one order",
  async run({ db, A, B }) {
    const [art] = await queryRows<{ id: string; slug: string }>(
      db,
      sql`select p.id, p.slug from product p join artwork_detail a on a.product_id = p.id
          where p.status = 'published' and a.edition_size = 1 and a.stock = 1
            and not exists (select 1 from offer o where o.product_id = p.id)
          order by p.slug limit 1`,
    );
    expect(art, "no unique artwork in stock");
    const buyers = await makePeople(db, "buyer", 50);
    const instances = [A, B];
    await readyBuyers(buyers, instances, () => `/artworks/${art.slug}`);
    const forms = await mapLimit(buyers, 4, (p, i) => checkoutForm(p.client, instances[i % 2]!.url));

    // All at once: each buyer's connection is already open (keep-alive), half to A, half to B.
    const answers = await Promise.all(
      buyers.map((p, i) =>
        placeOrder(p.client, instances[i % 2]!.url, forms[i]!).catch((error: unknown): CheckoutAnswer => ({
          kind: "other",
          status: 0,
          detail: String(error),
        })),
      ),
    );
    const placed = answers.filter((a) => a.kind === "placed");
    const soldOut = answers.filter((a) => a.kind === "sold_out");
    const serverErrors = answers.filter((a) => a.status >= 500 || a.status === 0);
    const others = answers.filter((a) => a.kind === "other");
    const [sold] = await queryRows<{ orders: number; stock: number }>(
      db,
      sql`select (select count(distinct o.id)::int from "order" o join order_line l on l.order_id = o.id
                  where l.product_id = ${art.id} and o.status = 'paid') as orders,
                 (select stock from artwork_detail where product_id = ${art.id}) as stock`,
    );
    for (const p of buyers) p.client.close();
    const summary = `${placed.length} placed, ${soldOut.length} sold out, ${others.length} other, ${serverErrors.length} 5xx/no answer; ${sold?.orders} paid order(s) in the database, stock ${sold?.stock}`;
    expect(serverErrors.length === 0, `${summary}; e.g. ${JSON.stringify(serverErrors[0])}`);
    expect(placed.length === 1 && soldOut.length === 49, `${summary}; e.g. ${JSON.stringify(others[0] ?? "")}`);
    expect(sold?.orders === 1 && sold.stock === 0, summary);
    const winner = placed[0] as Extract<CheckoutAnswer, { kind: "placed" }>;
    const [own] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from "order" where id = ${winner.orderId}`,
    );
    expect(own?.n === 1, `the answered order ${winner.orderId} is not in the database`);
    return `/artworks/${art.slug}: ${summary}`;
  },
};

// ---------------------------------------------------------------------------------------------------
// f. An instance killed mid-traffic

const KILL_GRACE_MS = 1_000;

type Attempt = { buyer: Person; key: string; answer: CheckoutAnswer; at: number; tries: number };

/** Longer than the simulated provider's first webhook re-delivery plus one payment-sweep round. */
const WEBHOOK_REDELIVERY_WAIT_MS = 150_000;

/** Waits until every one of `orderIds` is paid (or `maxMs` passed); answers how long it waited. */
async function waitUntilPaid(db: Db, orderIds: string[], maxMs: number): Promise<number> {
  const started = Date.now();
  if (orderIds.length === 0) return 0;
  while (Date.now() - started < maxMs) {
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from "order" where status = 'pending_payment' and id in (${sql.join(
        orderIds.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    if (n === 0) break;
    await sleep(1_000);
  }
  return Date.now() - started;
}

const killInstance: Check = {
  id: "f",
  title: "SIGKILL of A during checkouts through nginx loses no order; nginx serves on through B",
  async run({ db, A, nginx }) {
    const [{ n: courseCount } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from product where kind = 'course' and status = 'published'`,
    );
    const courses = await queryRows<{ id: string; slug: string }>(
      db,
      sql`select id, slug from product where kind = 'course' and status = 'published' order by random()`,
    );
    expect(courseCount >= 10, "fewer than 10 courses to buy");
    const buyers = await makePeople(db, "steady", 12);
    await mapLimit(buyers, 4, (p) => signIn(p.client, nginx, p.email, PEOPLE_PASSWORD));
    // One product page per buyer gives the add-to-cart form; its fields are the same for every course.
    const cartForms = await mapLimit(buyers, 4, (p) =>
      pageForm(
        p.client,
        nginx,
        `/courses/${courses[0]!.slug}`,
        (f) => hasField("productId")(f) && f.html.includes(">Add to cart</button>"),
        "add-to-cart",
      ),
    );

    const attempts: Attempt[] = [];
    // Requests that died with A: nginx does not resend a POST it had already sent (not idempotent), and
    // for a moment after the kill it may still send one on a kept-alive connection to A. Allowed only
    // for requests sent before the kill or within KILL_GRACE_MS of it; the buyer goes on through B.
    const failures: { at: number; what: string }[] = [];
    let killedAt = Number.POSITIVE_INFINITY;
    let stopAt = Number.POSITIVE_INFINITY;
    const shop = async (buyer: Person, b: number) => {
      // Each buyer goes through the courses in an order of its own; a course is bought once.
      for (let k = 0; k < courses.length && Date.now() < stopAt; k++) {
        const course = courses[(k + b * 3) % courses.length]!;
        let at = Date.now();
        try {
          const added = await submit(buyer.client, `${nginx}/courses/${course.slug}`, cartForms[b]!.form, {
            productId: course.id,
          });
          if (added.status !== 200 || !added.text().includes("Added to your cart.")) {
            failures.push({ at, what: `add to cart: HTTP ${added.status}` });
            continue;
          }
          at = Date.now();
          const checkout = await checkoutForm(buyer.client, nginx);
          const key = checkout.form.fields.find(([n]) => n === "idempotencyKey")?.[1] ?? "";
          // A browser whose request died retries the same form (the same key) a few times.
          let answer: CheckoutAnswer = { kind: "other", status: 0, detail: "not sent" };
          let tries = 0;
          while (tries < 4) {
            tries++;
            answer = await placeOrder(buyer.client, nginx, checkout).catch((error: unknown): CheckoutAnswer => ({
              kind: "other",
              status: 0,
              detail: String(error),
            }));
            if (answer.status !== 0 && answer.status < 500) break;
            await sleep(300);
          }
          attempts.push({ buyer, key, answer, at: Date.now(), tries });
          // The order page says "processing" until the provider's webhook lands (one that died with A is
          // re-sent by the payment sweep); until then the course is held by that order and the cart keeps
          // it, so the buyer waits before shopping on, as a person reading "processing" would.
          if (answer.kind === "placed")
            await waitUntilPaid(db, [answer.orderId], Math.max(0, Math.min(stopAt, started + 60_000) - Date.now()));
        } catch (error) {
          failures.push({ at, what: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    // Someone browsing the catalogue through nginx the whole time.
    const browsing: { at: number; status: number }[] = [];
    const browser = new HttpClient({ localAddress: nextAddress() });
    const browse = async () => {
      while (Date.now() < stopAt) {
        const at = Date.now();
        const res = await browser.get(`${nginx}/courses`).catch(() => ({ status: 0 }));
        browsing.push({ at, status: res.status });
        await sleep(200);
      }
    };

    const started = Date.now();
    const traffic = Promise.all([...buyers.map((p, b) => shop(p, b)), browse()]);
    await sleep(6_000);
    killedAt = Date.now();
    await A.service.kill();
    stopAt = killedAt + 8_000;
    await traffic;
    browser.close();
    for (const p of buyers) p.client.close();

    const placed = attempts.filter((a) => a.answer.kind === "placed");
    // A buyer told "placed" whose payment A recorded but whose webhook died with A waits for the
    // provider's re-delivery (the payment sweep: 30 s after the first try, on its one-minute round).
    const waitedForWebhooks = await waitUntilPaid(
      db,
      placed.map((a) => (a.answer as { orderId: string }).orderId),
      WEBHOOK_REDELIVERY_WAIT_MS,
    );
    const retried = attempts.filter((a) => a.tries > 1);
    const unanswered = attempts.filter((a) => a.answer.kind !== "placed");
    const placedIds = new Set(placed.map((a) => (a.answer as { orderId: string }).orderId));
    const inDb = await queryRows<{ id: string; user_id: string; status: string; idempotency_key: string }>(
      db,
      sql`select id, user_id, status, idempotency_key from "order"
          where user_id in (${sql.join(
            buyers.map((p) => sql`${p.id}`),
            sql`, `,
          )})`,
    );
    const byId = new Map(inDb.map((o) => [o.id, o]));
    const lost = [...placedIds].filter((id) => byId.get(id)?.status !== "paid");
    const unknown = inDb.filter((o) => !placedIds.has(o.id));
    const afterKill = placed.filter((a) => a.at > killedAt);
    // A retry that found its order: A had committed it and died before answering.
    const committedByA = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from "order" where created_at < ${new Date(killedAt)} and id in (${sql.join(
        [...retried.map((a) => (a.answer.kind === "placed" ? a.answer.orderId : "")), ""].map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    const browsedAfter = browsing.filter((r) => r.at > killedAt);
    const badBrowse = browsedAfter.filter((r) => r.status !== 200);
    const lateFailures = failures.filter((f) => f.at > killedAt + KILL_GRACE_MS);
    const summary =
      `${attempts.length} checkouts in ${seconds(stopAt - started)} (A killed at ${seconds(killedAt - started)}): ` +
      `${placed.length} answered placed (${afterKill.length} after the kill), ${retried.length} retried with the same key ` +
      `(${committedByA[0]?.n ?? 0} of them committed by A before it died, found by the retry), ` +
      `${unanswered.length} without an order; ${failures.length} cart or page requests lost in flight; ${inDb.length} orders in the database; ` +
      `/courses through nginx after the kill: ${browsedAfter.length - badBrowse.length}/${browsedAfter.length} answered 200` +
      (waitedForWebhooks > 0 ? `; waited ${seconds(waitedForWebhooks)} for re-delivered payment webhooks` : "");
    expect(lost.length === 0, `${summary}; answered as placed but not paid in the database: ${lost.join(", ")}`);
    expect(
      unknown.length === 0,
      `${summary}; orders nobody was told about: ${unknown.map((o) => o.idempotency_key).join(", ")}; ` +
        `what the buyers without an order were answered: ${JSON.stringify(unanswered.slice(0, 3).map((a) => a.answer))}`,
    );
    expect(
      unanswered.length === 0,
      `${summary}; ${unanswered
        .slice(0, 4)
        .map(
          (a) =>
            `${a.buyer.email} at ${seconds(a.at - killedAt)} from the kill, ${a.tries} tries: ${JSON.stringify(a.answer)}`,
        )
        .join("; ")}`,
    );
    expect(
      lateFailures.length === 0,
      `${summary}; requests sent more than ${seconds(KILL_GRACE_MS)} after the kill failed, e.g. ${lateFailures[0]?.what}`,
    );
    expect(afterKill.length > 0, `${summary}; no checkout went through after the kill`);
    expect(browsedAfter.length > 0 && badBrowse.length === 0, summary);
    const exited = await Promise.race([A.service.exited, sleep(100).then(() => "running")]);
    expect(exited === "SIGKILL", `A is ${exited}`);
    return summary;
  },
};

// ---------------------------------------------------------------------------------------------------
// g. The worker's first refresh

const firstRefresh: Check = {
  id: "g",
  title: "the worker computes recommendations for the fresh database by itself",
  async run({ db }) {
    type Run = { trigger: string; state: string; generation: number | null; ms: number | null; error: string | null };
    const done = await pollFor(
      async () => {
        const runs = await queryRows<Run>(
          db,
          sql`select trigger, state, generation, error,
                   (extract(epoch from finished_at - started_at) * 1000)::int as ms
            from reco_refresh_run order by created_at`,
        );
        const first = runs.find((r) => r.trigger === "first_start");
        return first?.state === "done" || first?.state === "failed" ? { runs, first } : null;
      },
      120_000,
      1_000,
    );
    expect(done, "no finished first_start refresh within 2 minutes");
    expect(done.first.state === "done", `the first_start refresh failed: ${done.first.error}`);
    const [state] = await queryRows<{ generation: number }>(db, sql`select generation from reco_state`);
    expect(state && state.generation === done.first.generation, `reco_state is at generation ${state?.generation}`);
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from recommendation where generation = ${state.generation}`,
    );
    expect(n > 0, `generation ${state.generation} has no recommendations`);
    expect(
      done.runs.every((r) => r.trigger !== "manual"),
      "a manual refresh was requested: this check is about nobody pressing the button",
    );
    return `run "first_start" done in ${seconds(done.first.ms ?? 0)}: reco_state at generation ${state.generation}, ${n} recommendations`;
  },
};

/** In the order they run: f kills instance A, so it comes last but for g, which only reads the database. */
export const CHECKS: Check[] = [
  assignment,
  headlineEdit,
  weightChange,
  upload,
  signInLimit,
  uniqueArtwork,
  killInstance,
  firstRefresh,
];
