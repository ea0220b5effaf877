/**
 * A valid campaign built from the demo catalogue (lib/seed): Lin Mei's ink course and a West Lake Gallery
 * edition. Used by tests and by the demo seed, so both describe the same campaign shape.
 */
import { seedId } from "@/lib/seed/ids";
import type { CampaignInput } from "./input";

export const DEMO_PRODUCTS = {
  course: seedId("product", "misty-mountains-in-ink"),
  edition: seedId("product", "evening-lotus-pond-gallery"),
  featuredCourse: seedId("product", "ink-painting-first-strokes"),
  featuredArtwork: seedId("product", "distant-village-beyond-the-clouds-gallery"),
};
export const DEMO_PARTNERS = {
  instructor: seedId("creator", "lin-mei"),
  gallery: seedId("creator", "west-lake-gallery"),
};

export function demoCampaignInput(overrides: Partial<CampaignInput> = {}): CampaignInput {
  return {
    name: "Ink & Paper: Lin Mei × West Lake Gallery",
    slug: "ink-and-paper",
    partnerIds: [DEMO_PARTNERS.instructor, DEMO_PARTNERS.gallery],
    bundle: {
      title: "Misty Mountains course + Evening Lotus Pond edition",
      description:
        "Learn layered ink washes with Lin Mei, and hang a numbered giclée from West Lake Gallery while you practise.",
      price: "449.00",
      currency: "USD",
      itemIds: [DEMO_PRODUCTS.course, DEMO_PRODUCTS.edition],
    },
    featuredIds: [DEMO_PRODUCTS.featuredCourse, DEMO_PRODUCTS.featuredArtwork],
    startsAt: "2026-01-01T00:00:00.000Z",
    endsAt: "2030-12-31T00:00:00.000Z",
    content: {
      heroTitle: "Paint the mountain, then live with one",
      heroText: "A course and a collectible edition, chosen together by a teacher and a gallery from Hangzhou.",
      story: [
        {
          heading: "Why a teacher and a gallery",
          body: "Lin Mei teaches the strokes; West Lake Gallery shows where they lead. Study the washes in the course while the edition on your wall shows them finished.",
        },
        {
          heading: "What you get",
          body: "Lifetime access to *Misty mountains in ink* and one numbered giclée of *Evening Lotus Pond*, edition of 30, shipped framed.",
        },
      ],
    },
    audience: { segments: [], locales: [], visitors: "all" },
    channels: [
      { source: "newsletter", budget: "500.00", spent: "0" },
      { source: "instagram", budget: "1500.00", spent: "0" },
    ],
    experiment: {
      mode: "fixed",
      coverage: 1,
      cadenceMinutes: 60,
      variants: [
        {
          key: "control",
          name: "Control",
          weight: 0.5,
          content: { headline: "", heroText: "", body: "", offer: "", cta: "" },
        },
        {
          key: "save-framing",
          name: "Savings headline",
          weight: 0.5,
          content: {
            headline: "Save $70 on a course and a framed edition",
            heroText: "",
            body: "",
            offer: "Free framing and shipping",
            cta: "Get the bundle",
          },
        },
      ],
    },
    ...overrides,
  };
}
