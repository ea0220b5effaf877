/**
 * A segment card as a marketer reads it, in both catalogues: the segment's name rather than "Cluster n",
 * member counts through ICU plurals ("1 member", never "1 members"), courses and artworks by title,
 * and the modelling terms kept inside the details disclosure.
 */
import { createElement } from "react";
import { createTranslator, NextIntlClientProvider } from "next-intl";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import type { ClusterProfile } from "@/lib/reco/refresh/clusters";
import { nameSegments } from "@/lib/reco/segment-names";

const catalogues = { en, zh } as const;
const current = vi.hoisted(() => ({ locale: "en" as "en" | "zh" }));
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({
      locale: current.locale,
      messages: catalogues[current.locale],
      namespace: namespace as "clusters",
    }),
}));

const { SegmentCard } = await import("./segment-card");

const tags = [
  { slug: "shan-shui", name: "Shan shui landscape", nameZh: "山水", share: 0.3, lift: 2.4, courseShare: 0.7 },
  { slug: "woodblock", name: "Woodblock", nameZh: "木刻", share: 0.2, lift: 1.9, courseShare: 0.2 },
];
const base: Omit<ClusterProfile, "segment"> = {
  label: ["shan-shui", "woodblock"],
  size: 1,
  share: 0.25,
  tags,
  domainMix: { course: 0.5, artwork: 0.5 },
  spend: { avgMinor: 12_345, currency: "USD", purchasesPerMember: 1.5, buyersShare: 0.6 },
  topItems: [
    { id: "c1", slug: "ink-first-strokes", title: "Ink painting: first strokes", kind: "course", members: 1 },
    { id: "a1", slug: "misty-peaks", title: "Misty peaks (woodblock)", kind: "artwork", members: 3 },
  ],
  topics: [{ topic: 0, weight: 0.4, tags: ["shan-shui", "woodblock"] }],
  trend: [],
  centroid: {},
};
const profile: ClusterProfile = { ...base, segment: nameSegments([base])[0]! };
const tagNames = {
  "shan-shui": { name: "Shan shui landscape", nameZh: "山水" },
  woodblock: { name: "Woodblock", nameZh: "木刻" },
};

async function render(locale: "en" | "zh") {
  current.locale = locale;
  const card = await SegmentCard({ index: 0, size: 1, profile, locale, money: (a) => `$${a / 100}`, tagNames });
  // Its links take the page's language from next-intl's context, as under the real layout.
  // A .ts test has no JSX, and the provider's props type requires `children` among them.
  return renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop
    createElement(NextIntlClientProvider, {
      locale: current.locale,
      messages: catalogues[current.locale],
      children: card,
    }),
  );
}

describe("SegmentCard", () => {
  it("shows the segment's English name, plural-correct counts, and what members take and look at", async () => {
    const html = await render("en");
    expect(html).toContain("Shan shui landscape learners who collect Woodblock");
    expect(html).not.toMatch(/Cluster \d/);
    expect(html).toContain("1 member ·");
    expect(html).not.toContain("1 members");
    expect(html).toContain("3 members");
    expect(html).toContain("Ink painting: first strokes");
    expect(html).toContain('href="/artworks/misty-peaks"');
    expect(html).toContain("$123.45 on average per member");
  });

  it("keeps the modelling terms and the key inside the details disclosure, with tag names, not slugs", async () => {
    const html = await render("en");
    const [outside, details] = html.split("<details");
    // The key is on the card for tests and tools (data-segment), never in its text.
    expect(outside!.replace(/ data-segment="[^"]*"/, "")).not.toMatch(/topic model|×2\.4|shan-shui/);
    expect(details).toContain("×2.4 the average");
    expect(details).toContain("Shan shui landscape, Woodblock (40%)");
    expect(details).toContain(profile.segment.key);
  });

  it("speaks Chinese in the Chinese catalogue", async () => {
    const html = await render("zh");
    expect(html).toContain("学山水、也收藏木刻的人");
    expect(html).toContain("1 位成员");
    expect(html).toContain("山水、木刻 (40%)");
  });
});
