import type { CourseLevel } from "../schema";

export type CourseSeed = {
  slug: string;
  title: string;
  subtitle: string;
  topic: string;
  tags: string[];
  level: CourseLevel;
  /** US cents. */
  price: number;
  instructor: string;
};

type CourseRow = [slug: string, title: string, subtitle: string, tags: string[], level: CourseLevel, price: number, instructor: string];

// Five courses per topic, written out so the demo reads like a real catalogue.
const ROWS: Record<string, CourseRow[]> = {
  "art-history": [
    ["song-dynasty-landscape-painting", "Song-dynasty landscape painting", "How Fan Kuan and Guo Xi built mountains out of ink and emptiness", ["song-dynasty", "shan-shui"], "beginner", 7900, "zhou-yan"],
    ["reading-renaissance-workshops", "Reading a Renaissance workshop", "Who really painted the altarpiece, and how to tell", ["renaissance", "provenance"], "intermediate", 8900, "sofia-marchetti"],
    ["impressionism-in-ten-paintings", "Impressionism in ten paintings", "Light, speed and the Paris art market of the 1870s", ["impressionism", "art-market"], "beginner", 4900, "daniel-okafor"],
    ["modernism-for-collectors", "Modernism for collectors", "From Cézanne to Rothko: what changed and why it sells", ["modernism", "art-market"], "intermediate", 9900, "daniel-okafor"],
    ["east-meets-west-in-art", "East meets West in art", "Japonisme, ink and the modern eye", ["modernism", "sumi-e", "impressionism"], "beginner", 5900, "sofia-marchetti"],
  ],
  "ink-painting": [
    ["ink-painting-first-strokes", "Ink painting: first strokes", "Brush, ink, paper and the eight basic strokes", ["shan-shui", "sumi-e"], "beginner", 3900, "lin-mei"],
    ["misty-mountains-in-ink", "Misty mountains in ink", "Layered washes and texture strokes for shan shui", ["shan-shui", "song-dynasty"], "intermediate", 8900, "lin-mei"],
    ["bird-and-flower-painting", "Bird-and-flower painting", "Gongbi precision and xieyi freedom side by side", ["bird-and-flower"], "intermediate", 7900, "lin-mei"],
    ["sumi-e-bamboo-and-plum", "Sumi-e: bamboo and plum", "The Four Gentlemen in the Japanese manner", ["sumi-e", "bird-and-flower"], "beginner", 4900, "kenji-watanabe"],
    ["ink-and-abstraction", "Ink and abstraction", "From a single stroke to a contemporary composition", ["gestural", "minimalism", "sumi-e"], "advanced", 12900, "lin-mei"],
  ],
  calligraphy: [
    ["regular-script-foundations", "Regular script foundations", "Kaishu stroke by stroke, after Yan Zhenqing", ["regular-script"], "beginner", 4900, "zhou-yan"],
    ["cursive-script-flow", "Cursive script: finding the flow", "Caoshu rhythm, speed and the connected line", ["cursive-script"], "advanced", 9900, "zhou-yan"],
    ["brush-lettering-for-designers", "Brush lettering for designers", "Latin brush scripts for logos and posters", ["brush-lettering", "typography"], "beginner", 3900, "priya-raman"],
    ["calligraphy-as-art", "Calligraphy as art", "How to look at, frame and collect written works", ["cursive-script", "provenance"], "intermediate", 6900, "lin-mei"],
    ["seal-script-and-chops", "Seal script and carving your own chop", "Ancient characters and the red seal that signs a work", ["regular-script", "woodblock"], "intermediate", 5900, "zhou-yan"],
  ],
  photography: [
    ["street-photography-essentials", "Street photography essentials", "Light, timing and respect on the street", ["street-photography"], "beginner", 5900, "hannah-becker"],
    ["landscape-photography-light", "Landscape photography: chasing light", "Planning, exposure and patience in wild places", ["landscape-photography"], "intermediate", 7900, "hannah-becker"],
    ["printing-your-photographs", "Printing your photographs", "From file to archival pigment print", ["fine-art-print", "limited-edition"], "intermediate", 6900, "hannah-becker"],
    ["photobook-design", "Designing a photobook", "Sequencing, paper and layout", ["composition", "typography", "fine-art-print"], "advanced", 9900, "hannah-becker"],
    ["collecting-photography", "Collecting photography", "Editions, vintage prints and condition", ["fine-art-print", "limited-edition", "provenance"], "beginner", 5900, "daniel-okafor"],
  ],
  collecting: [
    ["art-collecting-101", "Art collecting 101", "Buying your first original with confidence", ["art-market", "provenance"], "beginner", 4900, "daniel-okafor"],
    ["understanding-limited-editions", "Understanding limited editions", "Numbering, artist proofs and certificates", ["limited-edition", "screenprint", "etching"], "beginner", 3900, "daniel-okafor"],
    ["art-as-an-asset", "Art as an asset", "Returns, liquidity and the honest numbers", ["alternative-assets", "art-market"], "intermediate", 11900, "amara-nwosu"],
    ["provenance-research", "Provenance research", "Archives, labels and stamps on the back of a canvas", ["provenance"], "advanced", 12900, "daniel-okafor"],
    ["collecting-chinese-ink", "Collecting Chinese ink painting", "Schools, seals and the contemporary market", ["shan-shui", "art-market", "cursive-script"], "intermediate", 8900, "zhou-yan"],
  ],
  "personal-finance": [
    ["budgeting-for-creatives", "Budgeting for creatives", "A plan that survives irregular income", ["budgeting", "freelancing"], "beginner", 2900, "amara-nwosu"],
    ["investing-plainly", "Investing, plainly", "Index funds, risk and time explained without jargon", ["investing"], "beginner", 4900, "thomas-whitfield"],
    ["alternative-assets-explained", "Alternative assets explained", "Art, collectibles and what they really return", ["alternative-assets", "art-market"], "intermediate", 7900, "thomas-whitfield"],
    ["pension-for-freelancers", "A pension for freelancers", "Saving for later when nobody does it for you", ["budgeting", "investing", "freelancing"], "beginner", 3900, "thomas-whitfield"],
    ["money-mindset-for-artists", "Money mindset for artists", "Pricing, saving and saying no", ["budgeting", "portfolio"], "beginner", 2900, "amara-nwosu"],
  ],
  career: [
    ["building-an-artist-portfolio", "Building an artist portfolio", "Choosing, photographing and presenting your work", ["portfolio"], "beginner", 4900, "rafael-ortega"],
    ["pricing-your-art", "Pricing your art", "Formulas, comparables and raising prices", ["art-market", "freelancing"], "intermediate", 5900, "rafael-ortega"],
    ["getting-gallery-representation", "Getting gallery representation", "What galleries look for and how to approach them", ["gallery-representation", "portfolio"], "intermediate", 7900, "rafael-ortega"],
    ["freelance-illustration-business", "The freelance illustration business", "Clients, contracts and licensing", ["freelancing", "typography"], "beginner", 5900, "thomas-whitfield"],
    ["teaching-art-online", "Teaching art online", "Turning your practice into a course people finish", ["freelancing", "portfolio"], "intermediate", 6900, "rafael-ortega"],
  ],
  design: [
    ["colour-theory-for-painters", "Colour theory for painters", "Hue, value and temperature with paint, not pixels", ["colour-theory"], "beginner", 4900, "priya-raman"],
    ["composition-masterclass", "Composition masterclass", "Thirds, golden sections and breaking both", ["composition", "renaissance"], "intermediate", 8900, "sofia-marchetti"],
    ["typography-essentials", "Typography essentials", "Type, spacing and hierarchy for print and screen", ["typography"], "beginner", 3900, "priya-raman"],
    ["design-of-chinese-gardens", "The design of Chinese gardens", "Borrowed scenery and framed views", ["composition", "song-dynasty"], "intermediate", 6900, "zhou-yan"],
    ["visual-identity-for-artists", "Visual identity for artists", "Logos, websites and catalogues that fit your work", ["typography", "portfolio"], "beginner", 5900, "priya-raman"],
  ],
  printmaking: [
    ["japanese-woodblock-printing", "Japanese woodblock printing", "Carving, registration and water-based inks", ["woodblock"], "beginner", 6900, "kenji-watanabe"],
    ["etching-from-plate-to-print", "Etching: from plate to print", "Hard ground, aquatint and the press", ["etching"], "intermediate", 7900, "rafael-ortega"],
    ["screenprinting-at-home", "Screenprinting at home", "Stencils, inks and small editions", ["screenprint", "limited-edition"], "beginner", 4900, "rafael-ortega"],
    ["ukiyo-e-history-and-practice", "Ukiyo-e: history and practice", "Hokusai, Hiroshige and the publisher system", ["woodblock", "art-market"], "intermediate", 8900, "kenji-watanabe"],
    ["editioning-your-prints", "Editioning your prints", "Signing, numbering and documenting an edition", ["limited-edition", "provenance"], "intermediate", 3900, "kenji-watanabe"],
  ],
  abstract: [
    ["abstract-painting-from-scratch", "Abstract painting from scratch", "Mark, layer and edit", ["gestural", "colour-theory"], "beginner", 5900, "priya-raman"],
    ["geometric-abstraction", "Geometric abstraction", "Grids, tiles and hard edges", ["geometric", "composition"], "intermediate", 6900, "priya-raman"],
    ["minimalism-in-practice", "Minimalism in practice", "Less, but better: restraint as method", ["minimalism", "modernism"], "advanced", 8900, "sofia-marchetti"],
    ["understanding-abstract-art", "Understanding abstract art", "How to look at a painting of nothing", ["modernism", "gestural", "geometric"], "beginner", 3900, "daniel-okafor"],
    ["collecting-emerging-abstract-painters", "Collecting emerging abstract painters", "Spotting talent before the market does", ["art-market", "gestural", "alternative-assets"], "intermediate", 9900, "amara-nwosu"],
  ],
};

export const COURSES: CourseSeed[] = Object.entries(ROWS).flatMap(([topic, rows]) =>
  rows.map(([slug, title, subtitle, tags, level, price, instructor]) => ({ slug, title, subtitle, topic, tags, level, price, instructor })),
);

/** Section themes used to build a believable curriculum for every course. */
export const SECTION_THEMES = [
  { title: "Getting started", lessons: ["Welcome and what you will make", "Materials and set-up", "How to practise with this course"] },
  { title: "Looking closely", lessons: ["Reading a work in five minutes", "Line, shape and space", "Case study: a masterpiece up close", "Common mistakes"] },
  { title: "Core techniques", lessons: ["The first technique, step by step", "Building layers", "Control and speed", "Exercise: a small study"] },
  { title: "Putting it together", lessons: ["Planning a complete piece", "Working session, narrated", "Critique and revision"] },
  { title: "Beyond the course", lessons: ["Sharing your work", "Where to go next", "Resources and reading list"] },
];
