/**
 * Names a marketer can read for the refresh's user clusters ("segments"), in English and Chinese, and a
 * key a campaign can target that survives the next refresh.
 *
 *   nameSegments([profileA, profileB])
 *   // [{ key: "shan-shui+woodblock:mixed", name: { en: "Shan shui landscape learners who collect
 *   //    Woodblock", zh: "学山水、也收藏木刻的人" }, behaviour: { domain: "mixed", buying: "buyers" } }, …]
 *
 * Pure and deterministic: the same profiles give the same names and keys. The name is made of the two
 * strongest defining tags (the profile lists them strongest first) and the behaviour: whether members
 * mostly take courses, mostly look at artworks or do both, and whether they buy or only browse.
 *
 * Why a key and not the cluster number: k-means numbers its clusters afresh on every refresh, so "cluster
 * 3" is another group of people tomorrow. The key is built from what defines the group (its two strongest
 * tags, sorted, and its domain), so the same kind of people keep the same key from one refresh to the
 * next and a campaign aimed at them keeps reaching them. When two clusters of one refresh would share a
 * key, the buying behaviour and then a number tell them apart.
 */
import { z } from "zod";

/** What naming needs from a cluster profile (a subset of ClusterProfile, so old stored rows fit too). */
export type SegmentProfileInput = {
  /** Strongest first; courseShare (absent in old rows): how much of the tag's activity is on courses. */
  tags: { slug: string; name: string; nameZh: string; courseShare?: number }[];
  domainMix: { course: number; artwork: number };
  spend: { buyersShare: number; purchasesPerMember: number };
};

export type SegmentDomain = "learners" | "collectors" | "mixed";
export type SegmentBuying = "buyers" | "browsers" | "some";

export type SegmentName = {
  key: string;
  name: { en: string; zh: string };
  behaviour: { domain: SegmentDomain; buying: SegmentBuying };
};

/** Domain share above which a group counts as "mostly courses" (or "mostly artworks"). */
export const DOMAIN_LEAN = 0.65;
/** Share of members with a purchase at or above which the group counts as buyers… */
export const BUYERS_SHARE = 0.5;
/** …and below which it counts as browsers. */
export const BROWSERS_SHARE = 0.15;

/** What a stored segment key looks like: tag slugs joined by "+", ":", the domain, optional suffixes. */
export const SEGMENT_KEY_PATTERN =
  /^(?:[a-z0-9]+(?:-[a-z0-9]+)*(?:\+[a-z0-9]+(?:-[a-z0-9]+)*)*|any):(?:learners|collectors|mixed)(?::(?:buyers|browsers|some))?(?::\d{1,2})?$/;
export const segmentKeySchema = z.string().max(200).regex(SEGMENT_KEY_PATTERN, { error: "invalid_segment" });

export function segmentDomain(mix: { course: number; artwork: number }): SegmentDomain {
  if (mix.course >= DOMAIN_LEAN) return "learners";
  if (mix.artwork >= DOMAIN_LEAN) return "collectors";
  return "mixed";
}

export function segmentBuying(spend: { buyersShare: number }): SegmentBuying {
  if (spend.buyersShare >= BUYERS_SHARE) return "buyers";
  if (spend.buyersShare < BROWSERS_SHARE) return "browsers";
  return "some";
}

type Tag = { name: string; nameZh: string; courseShare?: number };
/** A mixed group's name: what they learn and what they collect, when the tags say which is which. */
type Roles = { learn: Tag; collect: Tag } | null;

/** How many of the strongest tags a name may draw on (the key keeps to the first two). */
const NAMING_TAGS = 3;

/**
 * The tags to name a group by: for a mixed group, of its strongest tags the one most learnt (highest
 * course share) and the one most collected (lowest), "learn A, collect B"; relative, because the demo's
 * tags (and most real ones) label courses and artworks alike. For a one-sided group, its strongest tags
 * of that side first.
 */
function namingTags(tags: SegmentProfileInput["tags"], domain: SegmentDomain): { pair: Tag[]; roles: Roles } {
  const top = tags.slice(0, NAMING_TAGS);
  const known = top.every((t) => t.courseShare !== undefined);
  const isCourse = (t: Tag) => (t.courseShare ?? 0) >= 0.5;
  if (!known) return { pair: top.slice(0, 2), roles: null };
  if (domain === "mixed") {
    // reduce keeps the first of equals, so ties go to the stronger tag.
    const learn = top.reduce<Tag | null>((b, t) => (!b || t.courseShare! > b.courseShare! ? t : b), null);
    const collect = top.reduce<Tag | null>((b, t) => (!b || t.courseShare! < b.courseShare! ? t : b), null);
    const distinct = learn && collect && learn.courseShare! > collect.courseShare!;
    return { pair: top.slice(0, 2), roles: distinct ? { learn, collect } : null };
  }
  const side = domain === "learners" ? isCourse : (t: Tag) => !isCourse(t);
  return { pair: [...top.filter(side), ...top.filter((t) => !side(t))].slice(0, 2), roles: null };
}

/** English: "A learners who collect B", "A and B collectors", "A learners, browsing so far", … */
function english(tags: Tag[], roles: Roles, domain: SegmentDomain, buying: SegmentBuying): string {
  const [a, b] = tags;
  if (!a) {
    const who = { learners: "Course takers", collectors: "Art lovers", mixed: "All-round visitors" }[domain];
    return buying === "browsers" ? `${who} browsing without a clear taste` : `${who} without a clear taste`;
  }
  const pair = b ? `${a.name} and ${b.name}` : a.name;
  if (domain === "mixed") {
    if (roles)
      return buying === "browsers"
        ? `${roles.learn.name} learners browsing ${roles.collect.name} art`
        : `${roles.learn.name} learners who collect ${roles.collect.name}`;
    return buying === "browsers" ? `${pair} fans browsing courses and art` : `${pair} learners and collectors`;
  }
  if (domain === "learners") {
    if (buying === "browsers") return `${pair} learners, browsing so far`;
    if (buying === "buyers") return `${pair} learners who enrol`;
    return `${pair} learners`;
  }
  if (buying === "browsers") return `${pair} art browsers`;
  return buying === "buyers" ? `${pair} collectors who buy` : `${pair} collectors`;
}

/** Chinese, in the "…的人" pattern marketers use for audiences: "学山水、也收藏木刻的人". */
function chinese(tags: Tag[], roles: Roles, domain: SegmentDomain, buying: SegmentBuying): string {
  const [a, b] = tags;
  if (!a) {
    const what = { learners: "课程", collectors: "艺术品", mixed: "课程和艺术品" }[domain];
    return buying === "browsers" ? `随便逛逛${what}、还没下单的人` : `随意浏览${what}、口味不固定的人`;
  }
  const pair = b ? `${a.nameZh}和${b.nameZh}` : a.nameZh;
  if (domain === "mixed") {
    if (roles)
      return buying === "browsers"
        ? `学${roles.learn.nameZh}、常看${roles.collect.nameZh}作品的人`
        : `学${roles.learn.nameZh}、也收藏${roles.collect.nameZh}的人`;
    return buying === "browsers" ? `喜欢${pair}、课程作品都逛的人` : `既学${pair}、也收藏相关作品的人`;
  }
  if (domain === "learners") {
    if (buying === "browsers") return `在看${pair}课程、还没报名的人`;
    if (buying === "buyers") return `报名学${pair}的人`;
    return `学${pair}的人`;
  }
  if (buying === "browsers") return `常看${pair}作品、还没下单的人`;
  return buying === "buyers" ? `买${pair}作品的收藏者` : `收藏${pair}的人`;
}

const BUYING_EN: Record<SegmentBuying, string> = { buyers: "buyers", browsers: "browsers", some: "occasional buyers" };
const BUYING_ZH: Record<SegmentBuying, string> = { buyers: "常购买", browsers: "只看不买", some: "偶尔购买" };

/** One name and key per profile, in the same order; keys are unique within the list. */
export function nameSegments(profiles: readonly SegmentProfileInput[]): SegmentName[] {
  const named = profiles.map((p) => {
    const domain = segmentDomain(p.domainMix);
    const buying = segmentBuying(p.spend);
    // The key keeps to the two strongest tags, whatever the name draws on, so it moves as little as possible.
    const base = `${
      p.tags
        .slice(0, 2)
        .map((t) => t.slug)
        .sort()
        .join("+") || "any"
    }:${domain}`;
    const { pair, roles } = namingTags(p.tags, domain);
    return {
      base,
      key: base,
      name: { en: english(pair, roles, domain, buying), zh: chinese(pair, roles, domain, buying) },
      behaviour: { domain, buying },
    };
  });
  // Clashing keys (two groups alike in tags and domain): first by buying behaviour, then by position.
  const clashes = (keyOf: (n: (typeof named)[number]) => string) => {
    const counts = new Map<string, number>();
    for (const n of named) counts.set(keyOf(n), (counts.get(keyOf(n)) ?? 0) + 1);
    return new Set([...counts].filter(([, c]) => c > 1).map(([k]) => k));
  };
  const clashingBases = clashes((n) => n.base);
  for (const n of named)
    if (clashingBases.has(n.base)) {
      n.key = `${n.base}:${n.behaviour.buying}`;
      n.name = {
        en: `${n.name.en} (${BUYING_EN[n.behaviour.buying]})`,
        zh: `${n.name.zh}（${BUYING_ZH[n.behaviour.buying]}）`,
      };
    }
  const clashing = clashes((n) => n.key);
  const seen = new Map<string, number>();
  for (const n of named) {
    if (clashing.has(n.key)) {
      const ordinal = (seen.get(n.key) ?? 0) + 1;
      seen.set(n.key, ordinal);
      n.key = `${n.key}:${ordinal}`;
      n.name = { en: `${n.name.en} ${ordinal}`, zh: `${n.name.zh} ${ordinal}` };
    }
  }
  return named.map(({ key, name, behaviour }) => ({ key, name, behaviour }));
}
