/**
 * The demo catalogue's topics and tags. Topics deliberately bridge the two worlds: a learner of ink
 * painting is a likely collector of ink works, an art-investment student a likely buyer of editions.
 */
export type TagSeed = { slug: string; name: string; nameZh: string };
export type TopicSeed = { slug: string; name: string; nameZh: string; tags: TagSeed[] };

export const TOPICS: TopicSeed[] = [
  {
    slug: "art-history",
    name: "Art history",
    nameZh: "艺术史",
    tags: [
      { slug: "song-dynasty", name: "Song dynasty", nameZh: "宋代" },
      { slug: "renaissance", name: "Renaissance", nameZh: "文艺复兴" },
      { slug: "impressionism", name: "Impressionism", nameZh: "印象派" },
      { slug: "modernism", name: "Modernism", nameZh: "现代主义" },
    ],
  },
  {
    slug: "ink-painting",
    name: "Ink painting",
    nameZh: "水墨画",
    tags: [
      { slug: "shan-shui", name: "Shan shui landscape", nameZh: "山水" },
      { slug: "bird-and-flower", name: "Bird and flower", nameZh: "花鸟" },
      { slug: "sumi-e", name: "Sumi-e", nameZh: "墨绘" },
    ],
  },
  {
    slug: "calligraphy",
    name: "Calligraphy",
    nameZh: "书法",
    tags: [
      { slug: "regular-script", name: "Regular script", nameZh: "楷书" },
      { slug: "cursive-script", name: "Cursive script", nameZh: "草书" },
      { slug: "brush-lettering", name: "Brush lettering", nameZh: "笔刷字体" },
    ],
  },
  {
    slug: "photography",
    name: "Photography",
    nameZh: "摄影",
    tags: [
      { slug: "street-photography", name: "Street photography", nameZh: "街头摄影" },
      { slug: "landscape-photography", name: "Landscape photography", nameZh: "风光摄影" },
      { slug: "fine-art-print", name: "Fine art print", nameZh: "艺术微喷" },
    ],
  },
  {
    slug: "collecting",
    name: "Collecting and art investment",
    nameZh: "收藏与艺术投资",
    tags: [
      { slug: "provenance", name: "Provenance", nameZh: "来源考证" },
      { slug: "limited-edition", name: "Limited edition", nameZh: "限量版" },
      { slug: "art-market", name: "Art market", nameZh: "艺术市场" },
    ],
  },
  {
    slug: "personal-finance",
    name: "Personal finance",
    nameZh: "个人理财",
    tags: [
      { slug: "budgeting", name: "Budgeting", nameZh: "预算" },
      { slug: "investing", name: "Investing", nameZh: "投资" },
      { slug: "alternative-assets", name: "Alternative assets", nameZh: "另类资产" },
    ],
  },
  {
    slug: "career",
    name: "Creative careers",
    nameZh: "创意职业",
    tags: [
      { slug: "portfolio", name: "Portfolio", nameZh: "作品集" },
      { slug: "freelancing", name: "Freelancing", nameZh: "自由职业" },
      { slug: "gallery-representation", name: "Gallery representation", nameZh: "画廊代理" },
    ],
  },
  {
    slug: "design",
    name: "Design",
    nameZh: "设计",
    tags: [
      { slug: "colour-theory", name: "Colour theory", nameZh: "色彩理论" },
      { slug: "composition", name: "Composition", nameZh: "构图" },
      { slug: "typography", name: "Typography", nameZh: "字体排印" },
    ],
  },
  {
    slug: "printmaking",
    name: "Printmaking",
    nameZh: "版画",
    tags: [
      { slug: "woodblock", name: "Woodblock", nameZh: "木刻" },
      { slug: "etching", name: "Etching", nameZh: "蚀刻" },
      { slug: "screenprint", name: "Screenprint", nameZh: "丝网印刷" },
    ],
  },
  {
    slug: "abstract",
    name: "Abstract art",
    nameZh: "抽象艺术",
    tags: [
      { slug: "geometric", name: "Geometric", nameZh: "几何" },
      { slug: "gestural", name: "Gestural", nameZh: "表现性笔触" },
      { slug: "minimalism", name: "Minimalism", nameZh: "极简主义" },
    ],
  },
];
