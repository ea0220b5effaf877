import type { VariantContent } from "@/db/schema";
import type { CampaignInput } from "./input";

/** A variant with no copy of its own: the page shows the campaign's. A fresh object each call. */
export function emptyVariantCopy(): VariantContent {
  return { headline: "", heroText: "", body: "", offer: "", cta: "" };
}

/** What the "new campaign" form starts from: two variants split 50/50, a 30-day window from now. */
export function blankCampaignInput(now: Date): CampaignInput {
  const start = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  const end = new Date(start.getTime() + 30 * 86_400_000);
  return {
    name: "",
    slug: "",
    partnerIds: ["", ""],
    bundle: {
      title: "",
      description: "",
      titleZh: "",
      descriptionZh: "",
      price: "",
      currency: "USD",
      itemIds: ["", ""],
    },
    featuredIds: [],
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    content: { heroTitle: "", heroText: "", story: [] },
    contentZh: { heroTitle: "", heroText: "", story: [] },
    audience: { segments: [], locales: [], visitors: "all" },
    channels: [],
    experiment: {
      mode: "fixed",
      coverage: 1,
      cadenceMinutes: 60,
      variants: [
        { key: "control", name: "Control", weight: 0.5, content: emptyVariantCopy(), contentZh: emptyVariantCopy() },
        {
          key: "variant-b",
          name: "Variant B",
          weight: 0.5,
          content: emptyVariantCopy(),
          contentZh: emptyVariantCopy(),
        },
      ],
    },
  };
}
