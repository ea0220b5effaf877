import { describe, expect, it } from "vitest";
import { nameSegments, segmentKeySchema, type SegmentProfileInput } from "./segment-names";

const tag = (slug: string, name: string, nameZh: string, courseShare: number) => ({ slug, name, nameZh, courseShare });
// Ink and calligraphy are mostly learnt (courses), woodblock mostly collected (artworks).
const INK = tag("shan-shui", "Shan shui landscape", "山水", 0.7);
const PRINT = tag("woodblock", "Woodblock", "木刻", 0.2);
const CALLI = tag("regular-script", "Regular script", "楷书", 0.8);

const profile = (tags: SegmentProfileInput["tags"], course: number, buyersShare: number): SegmentProfileInput => ({
  tags,
  domainMix: { course, artwork: 1 - course },
  spend: { buyersShare, purchasesPerMember: buyersShare * 2 },
});

describe("nameSegments", () => {
  it("names a mixed group of buyers from its two strongest tags, in both languages", () => {
    const [n] = nameSegments([profile([INK, PRINT, { ...CALLI, courseShare: 0.5 }], 0.5, 0.6)]);
    expect(n).toEqual({
      key: "shan-shui+woodblock:mixed",
      name: { en: "Shan shui landscape learners who collect Woodblock", zh: "学山水、也收藏木刻的人" },
      behaviour: { domain: "mixed", buying: "buyers" },
    });
  });

  it("says whether members mostly learn, mostly collect, buy or only browse", () => {
    const names = nameSegments([
      profile([CALLI], 0.9, 0.3),
      profile([PRINT, INK], 0.1, 0.7),
      profile([INK, CALLI], 0.8, 0.05),
      profile([INK, PRINT], 0.5, 0.05),
    ]).map((n) => n.name);
    expect(names).toEqual([
      { en: "Regular script learners", zh: "学楷书的人" },
      { en: "Woodblock and Shan shui landscape collectors who buy", zh: "买木刻和山水作品的收藏者" },
      {
        en: "Shan shui landscape and Regular script learners, browsing so far",
        zh: "在看山水和楷书课程、还没报名的人",
      },
      { en: "Shan shui landscape learners browsing Woodblock art", zh: "学山水、常看木刻作品的人" },
    ]);
  });

  it("says what a mixed group learns and what it collects, whichever tag is stronger", () => {
    const [n] = nameSegments([profile([PRINT, CALLI, INK], 0.45, 0.6)]);
    expect(n!.name).toEqual({ en: "Regular script learners who collect Woodblock", zh: "学楷书、也收藏木刻的人" });
    expect(n!.key).toBe("regular-script+woodblock:mixed");
    // Tags as present in courses as in artworks: no side to tell.
    const [both] = nameSegments([profile([INK, { ...CALLI, courseShare: INK.courseShare }], 0.5, 0.6)]);
    expect(both!.name).toEqual({
      en: "Shan shui landscape and Regular script learners and collectors",
      zh: "既学山水和楷书、也收藏相关作品的人",
    });
  });

  it("names profiles stored before tags said courses or artworks by their two strongest tags", () => {
    const old = ({ courseShare: _, ...t }: typeof INK) => t;
    const [n] = nameSegments([profile([old(PRINT), old(INK)], 0.5, 0.6)]);
    expect(n!.name.en).toBe("Woodblock and Shan shui landscape learners and collectors");
    expect(n!.key).toBe("shan-shui+woodblock:mixed");
  });

  it("keeps key and name when the two tags swap places, so a campaign's target survives a refresh", () => {
    const a = nameSegments([profile([INK, PRINT], 0.5, 0.6)])[0]!;
    const b = nameSegments([profile([PRINT, INK], 0.55, 0.4)])[0]!;
    expect(a.key).toBe(b.key);
    expect(a.name).toEqual(b.name);
  });

  it("names a group without defining tags by its behaviour alone", () => {
    const [n] = nameSegments([profile([], 0.5, 0.05)]);
    expect(n!.key).toBe("any:mixed");
    expect(n!.name).toEqual({
      en: "All-round visitors browsing without a clear taste",
      zh: "随便逛逛课程和艺术品、还没下单的人",
    });
  });

  it("tells clashing groups apart by buying behaviour, then by number, with unique keys", () => {
    const names = nameSegments([
      profile([INK, PRINT], 0.5, 0.6),
      profile([INK, PRINT], 0.5, 0.05),
      profile([INK, PRINT], 0.5, 0.02),
    ]);
    expect(names.map((n) => n.key)).toEqual([
      "shan-shui+woodblock:mixed:buyers",
      "shan-shui+woodblock:mixed:browsers:1",
      "shan-shui+woodblock:mixed:browsers:2",
    ]);
    expect(names[0]!.name.en).toBe("Shan shui landscape learners who collect Woodblock (buyers)");
    expect(names[2]!.name.zh).toBe("学山水、常看木刻作品的人（只看不买） 2");
    expect(new Set(names.map((n) => n.key)).size).toBe(3);
  });

  it("makes keys the campaign form accepts, and refuses anything else", () => {
    for (const n of nameSegments([profile([INK, PRINT], 0.5, 0.6), profile([], 0.9, 0.1)]))
      expect(segmentKeySchema.safeParse(n.key).success).toBe(true);
    for (const bad of ["", "3", "shan-shui", "a:b", "Shan:mixed", "x:mixed; drop table"])
      expect(segmentKeySchema.safeParse(bad).success).toBe(false);
  });

  it("is deterministic", () => {
    const input = [profile([INK, PRINT], 0.5, 0.6), profile([CALLI], 0.9, 0.3)];
    expect(nameSegments(input)).toEqual(nameSegments(structuredClone(input)));
  });
});
