import { createRng } from "@/lib/random";
import { artworkDescriptionZh, artworkTitleZh, MEDIA_ZH, PROVENANCE_ZH } from "./artworks-zh";
import { CREATORS } from "./creators";
import { CREATORS_ZH } from "./creators-zh";

export type ArtworkSeed = {
  slug: string;
  title: string;
  description: string;
  /** Chinese twins (lib/seed/artworks-zh.ts), derived from the English picks: no extra random draws. */
  titleZh: string;
  descriptionZh: string;
  mediumZh: string;
  provenanceZh: string;
  creator: string;
  topic: string;
  tags: string[];
  medium: string;
  widthMm: number;
  heightMm: number;
  year: number;
  provenance: string;
  /** Derived from the year, not drawn from the generator, so the rest of the seeded catalogue stays as it was. */
  condition: "mint" | "excellent" | "very_good";
  editionSize: number;
  stock: number;
  price: number;
};

type Style = {
  subjects: string[];
  moods: string[];
  originalMedia: string[];
  editionMedia: string[];
  tags: string[];
};

// What each topic's artists make. Originals are unique (edition 1); editions are numbered prints.
const STYLES: Record<string, Style> = {
  "ink-painting": {
    subjects: [
      "Peaks after Rain",
      "Pines in Fog",
      "Fisherman on a Cold River",
      "Plum Blossom at Dusk",
      "Waterfall Study",
      "Village beyond the Clouds",
      "Two Cranes",
      "Lotus Pond",
    ],
    moods: ["Misty", "Quiet", "Autumn", "Evening", "Spring", "Distant"],
    originalMedia: ["Ink on xuan paper", "Ink and colour on silk", "Ink on hanji paper"],
    editionMedia: ["Giclée on xuan paper"],
    tags: ["shan-shui", "bird-and-flower", "sumi-e", "song-dynasty"],
  },
  calligraphy: {
    subjects: [
      "Thousand Character Fragment",
      "Ode to the Red Cliff",
      "Wind and Moon",
      "The Way",
      "Spring Dawn",
      "Calm Water",
    ],
    moods: ["Running", "Wild", "Still", "Bold"],
    originalMedia: ["Ink on xuan paper", "Ink on gold-flecked paper"],
    editionMedia: ["Woodblock print"],
    tags: ["cursive-script", "regular-script", "brush-lettering"],
  },
  photography: {
    subjects: [
      "Fjord at Blue Hour",
      "Naples Stairway",
      "Fishermen, Morning",
      "Glacier Edge",
      "Laundry Lines",
      "Harbour Lights",
      "Salt Flats",
    ],
    moods: ["Winter", "Summer", "Late", "Silent", "Northern"],
    originalMedia: ["Gelatin silver print, unique"],
    editionMedia: ["Archival pigment print", "Baryta print", "Platinum-palladium print"],
    tags: ["landscape-photography", "street-photography", "fine-art-print", "limited-edition"],
  },
  printmaking: {
    subjects: [
      "Night Market",
      "Rain on Shijo Street",
      "Station at Midnight",
      "Bridge and Lanterns",
      "Rooftops",
      "Tram Lines",
      "Old Quarter",
    ],
    moods: ["Neon", "Blue", "Late", "Crowded", "Empty"],
    originalMedia: ["Monotype on paper"],
    editionMedia: ["Woodblock print", "Etching with aquatint", "Screenprint"],
    tags: ["woodblock", "etching", "screenprint", "limited-edition"],
  },
  abstract: {
    subjects: [
      "Composition No. 7",
      "Tide Table",
      "Azulejo Grid",
      "Field of Ochre",
      "Weather Diary",
      "Interval",
      "Kente Variation",
      "Single Stroke",
    ],
    moods: ["Red", "Atlantic", "Low", "Warm", "Broken", "Quiet"],
    originalMedia: ["Acrylic on canvas", "Tempera on panel", "Oil on linen", "Gouache on paper"],
    editionMedia: ["Screenprint", "Giclée print"],
    tags: ["geometric", "gestural", "minimalism", "colour-theory"],
  },
};
const ART_TOPICS = Object.keys(STYLES);

const PROVENANCE = [
  "Acquired directly from the artist's studio.",
  "Exhibited at the artist's solo show; from the gallery's inventory.",
  "Private collection, Hong Kong; consigned to the gallery.",
  "From the artist; accompanied by a signed certificate of authenticity.",
  "Private collection, London, acquired at the artist's first exhibition.",
];

function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** 88 artworks: every artist and gallery gets works in the topics they work in. Deterministic. */
export function buildArtworks(): ArtworkSeed[] {
  const rng = createRng(2026);
  const pick = <T>(items: T[]): T => items[rng.int(items.length)] as T;
  const sellers = CREATORS.filter((c) => c.kind !== "instructor");
  const used = new Set<string>();
  const out: ArtworkSeed[] = [];
  for (const seller of sellers) {
    const topics = seller.topics.filter((t) => ART_TOPICS.includes(t));
    const count = seller.kind === "gallery" ? 7 : 6;
    for (let i = 0; i < count; i++) {
      const topic = topics[i % topics.length] as string;
      const style = STYLES[topic] as Style;
      const isEdition = rng.next() < 0.45;
      let title = "";
      let titleZh = "";
      // Mood then subject: the order the generator has always drawn them in.
      do {
        const mood = pick(style.moods);
        const subject = pick(style.subjects);
        title = `${mood} ${subject}`;
        titleZh = artworkTitleZh(mood, subject);
      } while (used.has(title));
      used.add(title);
      const editionSize = isEdition ? pick([5, 10, 20, 25, 30, 50]) : 1;
      const stock = isEdition
        ? Math.max(1, editionSize - rng.int(Math.ceil(editionSize / 2)))
        : rng.next() < 0.08
          ? 0
          : 1;
      const medium = isEdition ? pick(style.editionMedia) : pick(style.originalMedia);
      const width = 200 + 10 * rng.int(90);
      const height = 200 + 10 * rng.int(110);
      const price = isEdition ? 100 * (120 + 10 * rng.int(80)) : 100 * (600 + 100 * rng.int(110));
      const tagCount = 1 + rng.int(2);
      const tags = [...new Set(Array.from({ length: tagCount + 1 }, () => pick(style.tags)))];
      // Drawn here, just before provenance, in the order the generator always drew them.
      const year = 1998 + rng.int(29);
      const provenance = pick(PROVENANCE);
      const sellerZh = CREATORS_ZH[seller.slug];
      out.push({
        slug: slugify(`${title}-${seller.name.split(" ").at(-1) ?? seller.slug}`),
        title,
        description: `${title} is ${isEdition ? `a numbered edition of ${editionSize}` : "a unique original"} by ${seller.name}. ${seller.bio}`,
        titleZh,
        descriptionZh: artworkDescriptionZh(titleZh, sellerZh?.name ?? seller.name, editionSize, sellerZh?.bio),
        mediumZh: MEDIA_ZH[medium] ?? medium,
        provenanceZh: PROVENANCE_ZH[provenance] ?? provenance,
        creator: seller.slug,
        topic,
        tags,
        medium,
        widthMm: width,
        heightMm: height,
        year,
        provenance,
        condition: year >= 2024 ? "mint" : year >= 2012 ? "excellent" : "very_good",
        editionSize,
        stock,
        price,
      });
    }
  }
  return out;
}
