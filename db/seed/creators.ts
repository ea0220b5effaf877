export type CreatorSeed = {
  slug: string;
  name: string;
  kind: "instructor" | "artist" | "gallery";
  location: string;
  bio: string;
  /** Topic slugs the creator works in; drives which products they get. */
  topics: string[];
};

export const CREATORS: CreatorSeed[] = [
  { slug: "lin-mei", name: "Lin Mei", kind: "instructor", location: "Hangzhou", topics: ["ink-painting", "calligraphy"], bio: "Ink painter and teacher who trained at the China Academy of Art and has taught brush technique to adults for fifteen years." },
  { slug: "daniel-okafor", name: "Daniel Okafor", kind: "instructor", location: "London", topics: ["art-history", "collecting"], bio: "Former auction-house specialist who now teaches collectors how to read a painting, a catalogue and a condition report." },
  { slug: "sofia-marchetti", name: "Sofia Marchetti", kind: "instructor", location: "Florence", topics: ["art-history", "design"], bio: "Art historian focused on the Renaissance workshop and on how composition rules travelled from painting into design." },
  { slug: "kenji-watanabe", name: "Kenji Watanabe", kind: "instructor", location: "Kyoto", topics: ["printmaking", "ink-painting"], bio: "Woodblock printer in the ukiyo-e tradition who also paints sumi-e and teaches both to beginners." },
  { slug: "amara-nwosu", name: "Amara Nwosu", kind: "instructor", location: "Lagos", topics: ["personal-finance", "collecting"], bio: "Financial planner who helps creative people budget irregular income and treat art as a long-term asset." },
  { slug: "hannah-becker", name: "Hannah Becker", kind: "instructor", location: "Berlin", topics: ["photography", "design"], bio: "Documentary photographer and photobook designer; teaches seeing before shooting." },
  { slug: "rafael-ortega", name: "Rafael Ortega", kind: "instructor", location: "Mexico City", topics: ["career", "printmaking"], bio: "Printmaker and studio founder who coaches artists on portfolios, pricing and gallery relationships." },
  { slug: "zhou-yan", name: "Zhou Yan", kind: "instructor", location: "Beijing", topics: ["calligraphy", "art-history"], bio: "Calligrapher and researcher of Song-dynasty scholar culture, teaching regular and cursive script." },
  { slug: "priya-raman", name: "Priya Raman", kind: "instructor", location: "Bengaluru", topics: ["design", "abstract"], bio: "Designer and painter who teaches colour theory through painting exercises anyone can do at a kitchen table." },
  { slug: "thomas-whitfield", name: "Thomas Whitfield", kind: "instructor", location: "New York", topics: ["personal-finance", "career"], bio: "Former portfolio manager teaching plain-spoken investing, and how freelancers can plan for a pension." },
  { slug: "chen-shuyi", name: "Chen Shuyi", kind: "artist", location: "Suzhou", topics: ["ink-painting"], bio: "Paints misty shan shui on handmade xuan paper; exhibited in Shanghai, Taipei and Vancouver." },
  { slug: "mateo-silva", name: "Mateo Silva", kind: "artist", location: "Lisbon", topics: ["abstract"], bio: "Geometric abstraction in tempera and gouache, inspired by azulejo tiles and Atlantic light." },
  { slug: "yuki-tanaka", name: "Yuki Tanaka", kind: "artist", location: "Osaka", topics: ["printmaking"], bio: "Contemporary woodblock prints of city nights, printed by hand in small numbered editions." },
  { slug: "ingrid-larsen", name: "Ingrid Larsen", kind: "artist", location: "Bergen", topics: ["photography"], bio: "Fine-art landscape photographer of Norwegian fjords, printed as archival pigment editions." },
  { slug: "wang-lei", name: "Wang Lei", kind: "artist", location: "Xi'an", topics: ["calligraphy", "ink-painting"], bio: "Calligrapher whose cursive-script works sit between writing and abstract painting." },
  { slug: "olivia-grant", name: "Olivia Grant", kind: "artist", location: "Edinburgh", topics: ["abstract", "printmaking"], bio: "Gestural abstract painter and etcher; works about weather, tide and memory." },
  { slug: "samuel-adeyemi", name: "Samuel Adeyemi", kind: "artist", location: "Accra", topics: ["abstract", "design"], bio: "Colour-field paintings and screenprints built from textile patterns of West Africa." },
  { slug: "lucia-romano", name: "Lucia Romano", kind: "artist", location: "Naples", topics: ["photography", "art-history"], bio: "Street photographer of southern Italy, printing on baryta paper in editions of twenty." },
  { slug: "park-jiwoo", name: "Park Ji-woo", kind: "artist", location: "Seoul", topics: ["ink-painting", "abstract"], bio: "Minimal ink works on hanji paper where a single stroke carries the whole composition." },
  { slug: "elena-petrova", name: "Elena Petrova", kind: "artist", location: "Tbilisi", topics: ["printmaking", "abstract"], bio: "Etchings and monotypes of architecture, layered until buildings turn into rhythm." },
  { slug: "west-lake-gallery", name: "West Lake Gallery", kind: "gallery", location: "Hangzhou", topics: ["ink-painting", "calligraphy", "collecting"], bio: "Gallery of contemporary ink art and calligraphy, with a lending library for new collectors." },
  { slug: "north-light-editions", name: "North Light Editions", kind: "gallery", location: "Copenhagen", topics: ["photography", "printmaking", "collecting"], bio: "Publisher of limited-edition photographs and prints, every edition certified and numbered." },
  { slug: "atlas-contemporary", name: "Atlas Contemporary", kind: "gallery", location: "Lisbon", topics: ["abstract", "design", "collecting"], bio: "Gallery for emerging abstract painters, with a programme of talks for first-time buyers." },
  { slug: "meridian-prints", name: "Meridian Prints", kind: "gallery", location: "Kyoto", topics: ["printmaking", "ink-painting"], bio: "Print studio and gallery keeping the Japanese woodblock tradition alive with living artists." },
];
