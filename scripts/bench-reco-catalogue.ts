/**
 * Synthetic products for the recommendation benchmark: the demo catalogue has ~140 products, the target
 * size is 10,000. Each synthetic product belongs to one topic of the real tag taxonomy (so the
 * population's personas find their tags on it), carries two or three of that topic's tags, now and then
 * a tag of another topic, and has a title and description built from tag names and a small word list
 * (so TF-IDF and LDA have text to work on). Creators are synthetic too, each working in one topic.
 * Only for throwaway benchmark databases.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { bulkInsert, queryRows } from "@/db/rows";
import { createRng } from "@/lib/random";

const WORDS = [
  "study",
  "evening",
  "river",
  "quiet",
  "bold",
  "harbour",
  "garden",
  "winter",
  "light",
  "archive",
  "morning",
  "field",
  "city",
  "mountain",
  "paper",
  "signal",
  "echo",
  "north",
  "salt",
  "amber",
];
const MEDIA = [
  "Ink on paper",
  "Oil on canvas",
  "Archival pigment print",
  "Screenprint",
  "Etching",
  "Woodblock print",
  "Acrylic on panel",
];

export async function addBenchProducts(
  db: Db,
  options: { total: number; seed: number; creators?: number },
): Promise<number> {
  const [existing] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from product where status = 'published'`,
  );
  const toAdd = Math.max(0, options.total - (existing?.n ?? 0));
  if (toAdd === 0) return 0;
  const tagRows = await queryRows<{ id: string; slug: string; name: string; topic: string }>(
    db,
    sql`select id, slug, name, topic from tag order by slug`,
  );
  const topics = [...new Set(tagRows.map((t) => t.topic))].sort();
  const tagsOf = new Map(topics.map((topic) => [topic, tagRows.filter((t) => t.topic === topic)]));
  const rng = createRng(options.seed ^ 0xbe7c);
  const nCreators = options.creators ?? Math.max(topics.length, Math.round(toAdd / 25));

  const creatorIds = Array.from({ length: nCreators }, (_, c) => `bench-creator-${c}`);
  await bulkInsert(db, {
    table: "creator",
    columns: ["id", "slug", "name", "kind", "bio"],
    inputs: [
      { type: "text", values: creatorIds },
      { type: "text", values: creatorIds.map((_, c) => `Bench creator ${c}`) },
      { type: "text", values: creatorIds.map((_, c) => (c % 3 === 0 ? "instructor" : "artist")) },
    ],
    select: "c0, c0, c1, c2::creator_kind, ''",
  });

  const ids: string[] = [];
  const kinds: string[] = [];
  const titles: string[] = [];
  const descriptions: string[] = [];
  const prices: number[] = [];
  const creatorsOf: string[] = [];
  const created: string[] = [];
  const tagProduct: string[] = [];
  const tagIds: string[] = [];
  const start = Date.UTC(2025, 0, 1);
  for (let g = 0; g < toAdd; g++) {
    const creator = rng.int(nCreators);
    const topic = topics[creator % topics.length]!;
    const own = tagsOf.get(topic)!;
    const id = `bench-product-${g}`;
    const kind = rng.next() < 0.4 ? "course" : "artwork";
    const chosen = new Set<(typeof tagRows)[number]>();
    const want = 2 + rng.int(2);
    while (chosen.size < Math.min(want, own.length)) chosen.add(own[rng.int(own.length)]!);
    if (rng.next() < 0.2) chosen.add(tagRows[rng.int(tagRows.length)]!);
    const names = [...chosen].map((t) => t.name);
    const w1 = WORDS[rng.int(WORDS.length)]!;
    const w2 = WORDS[rng.int(WORDS.length)]!;
    ids.push(id);
    kinds.push(kind);
    titles.push(
      kind === "course"
        ? `${names[0]}: ${w1} ${w2} course ${g}`
        : `${w1[0]!.toUpperCase()}${w1.slice(1)} ${w2}, ${names[0]} ${g}`,
    );
    descriptions.push(
      `${names.join(", ")}. A ${w1} ${w2} piece of work about ${names.join(" and ").toLowerCase()} with ${WORDS[rng.int(WORDS.length)]} ${WORDS[rng.int(WORDS.length)]}.`,
    );
    prices.push(kind === "course" ? 100 * (19 + rng.int(180)) : 100 * (120 + 10 * rng.int(800)));
    creatorsOf.push(creatorIds[creator]!);
    created.push(new Date(start + g * 3_600_000).toISOString());
    for (const t of chosen) {
      tagProduct.push(id);
      tagIds.push(t.id);
    }
  }
  await db.transaction(async (tx) => {
    await bulkInsert(tx, {
      table: "product",
      columns: [
        "id",
        "kind",
        "slug",
        "title",
        "subtitle",
        "description",
        "price_amount",
        "currency",
        "creator_id",
        "status",
        "image_seed",
        "created_at",
      ],
      inputs: [
        { type: "text", values: ids },
        { type: "text", values: kinds },
        { type: "text", values: titles },
        { type: "text", values: descriptions },
        { type: "int", values: prices },
        { type: "text", values: creatorsOf },
        { type: "text", values: created },
      ],
      select: "c0, c1::product_kind, c0, c2, '', c3, c4, 'USD', c5, 'published'::product_status, 0, c6::timestamptz",
    });
    const courseIds = ids.filter((_, g) => kinds[g] === "course");
    const artIds = ids.filter((_, g) => kinds[g] === "artwork");
    await bulkInsert(tx, {
      table: "course_detail",
      columns: ["product_id", "level"],
      inputs: [{ type: "text", values: courseIds }],
      select: "c0, 'beginner'::course_level",
    });
    await bulkInsert(tx, {
      table: "artwork_detail",
      columns: ["product_id", "medium", "width_mm", "height_mm", "year", "edition_size", "stock"],
      inputs: [
        { type: "text", values: artIds },
        { type: "text", values: artIds.map(() => MEDIA[rng.int(MEDIA.length)]!) },
      ],
      select: "c0, c1, 500, 700, 2024, 20, 20",
    });
    await bulkInsert(tx, {
      table: "product_tag",
      columns: ["product_id", "tag_id"],
      inputs: [
        { type: "text", values: tagProduct },
        { type: "text", values: tagIds },
      ],
    });
  });
  return toAdd;
}
