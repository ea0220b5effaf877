/**
 * Synthetic bilingual catalogue for `npm run bench:search`: creators (half with Chinese names), tags in
 * both languages and products whose English and Chinese titles and descriptions are composed from the
 * same small vocabularies, so the benchmark's queries have realistic hit counts: a medium word matches
 * about a tenth of the catalogue, a creator a few dozen products, a full title a handful.
 */
import type { Db } from "@/db/client";
import { creators, products, productTags, tags } from "@/db/schema";
import { createRng, type Rng } from "@/lib/random";

type Pair = readonly [en: string, zh: string];

export const MEDIA: Pair[] = [
  ["watercolour", "水彩"],
  ["ink painting", "水墨画"],
  ["calligraphy", "书法"],
  ["printmaking", "版画"],
  ["woodcut", "木刻"],
  ["oil painting", "油画"],
  ["charcoal drawing", "炭笔素描"],
  ["ceramics", "陶艺"],
  ["photography", "摄影"],
  ["collage", "拼贴"],
];
export const SUBJECTS: Pair[] = [
  ["landscape", "山水"],
  ["harbour", "港湾"],
  ["mountain", "高山"],
  ["river", "江河"],
  ["garden", "园林"],
  ["portrait", "肖像"],
  ["bamboo", "竹林"],
  ["plum blossom", "梅花"],
  ["crane", "仙鹤"],
  ["lotus", "荷花"],
  ["city", "城市"],
  ["forest", "森林"],
  ["ocean", "大海"],
  ["village", "村庄"],
  ["temple", "寺庙"],
  ["bridge", "小桥"],
  ["moon", "明月"],
  ["orchid", "兰花"],
  ["pine", "松树"],
  ["cloud", "云海"],
];
const ADJECTIVES: Pair[] = [
  ["misty", "雾中"],
  ["quiet", "宁静"],
  ["autumn", "秋日"],
  ["spring", "春日"],
  ["winter", "冬日"],
  ["evening", "黄昏"],
  ["golden", "金色"],
  ["silver", "银色"],
  ["distant", "远方"],
  ["hidden", "幽深"],
  ["bright", "明亮"],
  ["ancient", "古老"],
];
const FORMS: Pair[] = [
  ["study", "习作"],
  ["sketch", "速写"],
  ["scroll", "长卷"],
  ["print", "印本"],
  ["panel", "画板"],
  ["triptych", "三联画"],
];
const COURSE_PREFIXES: Pair[] = [
  ["Introduction to", "入门"],
  ["Mastering", "精进"],
  ["Foundations of", "基础"],
  ["Weekend workshop in", "周末工作坊"],
];
const FAMILY: Pair[] = [
  ["Lin", "林"],
  ["Wang", "王"],
  ["Chen", "陈"],
  ["Zhang", "张"],
  ["Liu", "刘"],
  ["Huang", "黄"],
  ["Zhao", "赵"],
  ["Wu", "吴"],
  ["Zhou", "周"],
  ["Xu", "徐"],
];
const GIVEN: Pair[] = [
  ["Mei", "梅"],
  ["Hua", "华"],
  ["Jing", "静"],
  ["Wei", "伟"],
  ["Lan", "兰"],
  ["Yun", "云"],
  ["Ming", "明"],
  ["Xin", "欣"],
  ["Hao", "浩"],
  ["Ling", "玲"],
];
const WESTERN_FIRST = ["Ada", "Hugo", "Clara", "Felix", "Iris", "Oscar", "Nina", "Theo", "Vera", "Jonas"];
const WESTERN_LAST = ["Stone", "Moreau", "Berg", "Okafor", "Lindqvist", "Rossi", "Novak", "Hart", "Silva", "Kerr"];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(list.length)]!;

export type BenchCatalogue = { creatorNames: Pair[]; products: number };

/** Inserts `total` published products (half courses, half artworks) with their creators and tags. */
export async function generateSearchCatalogue(db: Db, opts: { total: number; seed: number }): Promise<BenchCatalogue> {
  const rng = createRng(opts.seed);
  const creatorRows = [
    ...FAMILY.flatMap(([fEn, fZh]) =>
      GIVEN.map(([gEn, gZh]) => ({ name: `${fEn} ${gEn}`, nameZh: `${fZh}${gZh}` as string | null })),
    ),
    ...WESTERN_FIRST.flatMap((first) => WESTERN_LAST.map((last) => ({ name: `${first} ${last}`, nameZh: null }))),
  ].map((c, i) => ({ ...c, slug: `bench-creator-${i}`, kind: "artist" as const }));
  const creatorIds = (await db.insert(creators).values(creatorRows).returning({ id: creators.id })).map((r) => r.id);

  const tagPairs = [...MEDIA, ...SUBJECTS];
  const tagIds = (
    await db
      .insert(tags)
      .values(
        tagPairs.map(([en, zh], i) => ({
          slug: `bench-${en.replace(/ /g, "-")}`,
          name: en[0]!.toUpperCase() + en.slice(1),
          nameZh: zh,
          topic: i < MEDIA.length ? "medium" : "subject",
        })),
      )
      .returning({ id: tags.id })
  ).map((r) => r.id);

  const BATCH = 500;
  for (let start = 0; start < opts.total; start += BATCH) {
    const rows = [];
    const links: { medium: number; subject: number }[] = [];
    for (let i = start; i < Math.min(opts.total, start + BATCH); i++) {
      const medium = rng.int(MEDIA.length);
      const subject = rng.int(SUBJECTS.length);
      const [mEn, mZh] = MEDIA[medium]!;
      const [sEn, sZh] = SUBJECTS[subject]!;
      const [aEn, aZh] = pick(rng, ADJECTIVES);
      const [fEn, fZh] = pick(rng, FORMS);
      const course = i % 2 === 0;
      const [pEn, pZh] = pick(rng, COURSE_PREFIXES);
      const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
      rows.push({
        kind: course ? ("course" as const) : ("artwork" as const),
        slug: `bench-product-${i}`,
        title: course ? `${pEn} ${mEn}: the ${aEn} ${sEn}` : `${cap(aEn)} ${sEn} ${fEn}`,
        titleZh: course ? `${mZh}${pZh}：${aZh}${sZh}` : `${aZh}${sZh}${fZh}（${mZh}）`,
        subtitle: `${cap(mEn)} on the theme of the ${sEn}`,
        subtitleZh: `以${sZh}为题的${mZh}`,
        description: `A ${aEn} ${sEn} in ${mEn}, ${fEn} number ${i}. Made slowly, over many sittings, with attention to light and texture.`,
        descriptionZh: `一幅以${mZh}表现的${aZh}${sZh}${fZh}，第${i}号。历经多次落笔，慢慢完成，讲究光影与质感。`,
        priceAmount: 1000 + rng.int(200_000),
        creatorId: creatorIds[rng.int(creatorIds.length)]!,
        status: "published" as const,
        imageSeed: i,
      });
      links.push({ medium, subject });
    }
    const ids = await db.insert(products).values(rows).returning({ id: products.id });
    await db.insert(productTags).values(
      ids.flatMap(({ id }, k) => [
        { productId: id, tagId: tagIds[links[k]!.medium]! },
        { productId: id, tagId: tagIds[MEDIA.length + links[k]!.subject]! },
      ]),
    );
  }
  return {
    creatorNames: creatorRows.filter((c) => c.nameZh).map((c) => [c.name, c.nameZh!] as const),
    products: opts.total,
  };
}
