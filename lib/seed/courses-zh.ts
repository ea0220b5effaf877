import type { CourseLevel } from "@/db/schema";
import type { CourseSeed } from "./courses";

/**
 * The demo courses in Simplified Chinese, keyed by slug. Written as a Chinese course catalogue would
 * phrase them (not sentence-for-sentence translations), so a Chinese visitor's first pages read as native.
 */
export const COURSES_ZH: Record<string, { title: string; subtitle: string }> = {
  "song-dynasty-landscape-painting": { title: "宋代山水画", subtitle: "看范宽、郭熙如何以水墨与留白造就千山万壑" },
  "reading-renaissance-workshops": { title: "走进文艺复兴画坊", subtitle: "祭坛画究竟出自谁手，又该如何分辨" },
  "impressionism-in-ten-paintings": { title: "十幅画读懂印象派", subtitle: "光线、速度与 1870 年代的巴黎艺术市场" },
  "modernism-for-collectors": { title: "写给藏家的现代主义", subtitle: "从塞尚到罗斯科：变了什么，又为何好卖" },
  "east-meets-west-in-art": { title: "艺术中的东西交汇", subtitle: "日本主义、水墨与现代人的眼光" },
  "ink-painting-first-strokes": { title: "水墨画入门：第一笔", subtitle: "笔、墨、纸，以及八种基本笔法" },
  "misty-mountains-in-ink": { title: "水墨烟岚山水", subtitle: "层层渲染与皴法，画出云雾缭绕的山水" },
  "bird-and-flower-painting": { title: "花鸟画", subtitle: "工笔的精微与写意的洒脱，对照着学" },
  "sumi-e-bamboo-and-plum": { title: "日本墨绘：竹与梅", subtitle: "以日本画法描绘“四君子”" },
  "ink-and-abstraction": { title: "水墨与抽象", subtitle: "从一笔出发，走向当代构成" },
  "regular-script-foundations": { title: "楷书基础", subtitle: "临颜真卿，一笔一画练好楷书" },
  "cursive-script-flow": { title: "草书：找到笔势", subtitle: "草书的节奏、速度与连绵的线条" },
  "brush-lettering-for-designers": { title: "设计师的笔刷字体课", subtitle: "用于标志与海报的拉丁笔刷字体" },
  "calligraphy-as-art": { title: "书法即艺术", subtitle: "如何欣赏、装裱与收藏书法作品" },
  "seal-script-and-chops": { title: "篆书与篆刻：刻一方自己的印", subtitle: "古老的文字，和为作品落款的那方朱印" },
  "street-photography-essentials": { title: "街头摄影要领", subtitle: "街头拍摄中的光线、时机与尊重" },
  "landscape-photography-light": { title: "风光摄影：追光", subtitle: "在野外的计划、曝光与耐心" },
  "printing-your-photographs": { title: "把照片印出来", subtitle: "从数码文件到典藏级微喷" },
  "photobook-design": { title: "摄影集设计", subtitle: "编排顺序、纸张与版式" },
  "collecting-photography": { title: "摄影收藏", subtitle: "版数、原版照片与品相" },
  "art-collecting-101": { title: "艺术收藏入门", subtitle: "放心买下你的第一件原作" },
  "understanding-limited-editions": { title: "读懂限量版", subtitle: "编号、艺术家试印版与证书" },
  "art-as-an-asset": { title: "艺术品作为资产", subtitle: "回报、流动性与实实在在的数字" },
  "provenance-research": { title: "来源考证", subtitle: "档案、标签与画布背面的印记" },
  "collecting-chinese-ink": { title: "收藏中国水墨画", subtitle: "流派、印章与当代市场" },
  "budgeting-for-creatives": { title: "创意人的预算课", subtitle: "一份扛得住收入起伏的计划" },
  "investing-plainly": { title: "投资，说白了", subtitle: "不讲术语，讲清指数基金、风险与时间" },
  "alternative-assets-explained": { title: "另类资产详解", subtitle: "艺术品、收藏品及其真实回报" },
  "pension-for-freelancers": { title: "自由职业者的养老规划", subtitle: "没人替你存钱时，如何为将来储蓄" },
  "money-mindset-for-artists": { title: "艺术家的金钱观", subtitle: "定价、储蓄与学会说“不”" },
  "building-an-artist-portfolio": { title: "打造艺术家作品集", subtitle: "挑选、拍摄并呈现你的作品" },
  "pricing-your-art": { title: "为你的作品定价", subtitle: "定价公式、可比案例与如何涨价" },
  "getting-gallery-representation": { title: "争取画廊代理", subtitle: "画廊看重什么，又该如何接洽" },
  "freelance-illustration-business": { title: "自由插画师的生意经", subtitle: "客户、合同与授权" },
  "teaching-art-online": { title: "在线教艺术", subtitle: "把你的创作实践变成学员能学完的课程" },
  "colour-theory-for-painters": { title: "画家的色彩理论", subtitle: "用颜料而非像素，理解色相、明度与冷暖" },
  "composition-masterclass": { title: "构图大师课", subtitle: "三分法、黄金分割，以及如何打破它们" },
  "typography-essentials": { title: "字体排印要领", subtitle: "印刷与屏幕上的字体、间距与层级" },
  "design-of-chinese-gardens": { title: "中国园林设计", subtitle: "借景与框景" },
  "visual-identity-for-artists": { title: "艺术家的视觉形象", subtitle: "与作品相称的标志、网站与画册" },
  "japanese-woodblock-printing": { title: "日本木版画", subtitle: "刻版、套准与水性颜料" },
  "etching-from-plate-to-print": { title: "铜版蚀刻：从版到画", subtitle: "硬底、飞尘腐蚀与压印机" },
  "screenprinting-at-home": { title: "在家做丝网版画", subtitle: "网版、油墨与小批量版数" },
  "ukiyo-e-history-and-practice": { title: "浮世绘：历史与技法", subtitle: "北斋、广重与版元制度" },
  "editioning-your-prints": { title: "为版画编定版数", subtitle: "签名、编号与版次记录" },
  "abstract-painting-from-scratch": { title: "从零开始画抽象", subtitle: "落笔、叠层、取舍" },
  "geometric-abstraction": { title: "几何抽象", subtitle: "网格、拼块与硬边" },
  "minimalism-in-practice": { title: "极简主义实践", subtitle: "少即是多：以克制为方法" },
  "understanding-abstract-art": { title: "看懂抽象艺术", subtitle: "如何欣赏一幅“什么都没画”的画" },
  "collecting-emerging-abstract-painters": { title: "收藏新锐抽象画家", subtitle: "赶在市场之前发现才华" },
};

const LEVEL_ZH: Record<CourseLevel, string> = { beginner: "入门级", intermediate: "进阶级", advanced: "高阶" };

/** The Chinese course description, built like the English one: subtitle, then what the course is. */
export function courseDescriptionZh(course: CourseSeed, topicZh: string): string {
  const zh = COURSES_ZH[course.slug];
  const lead = zh ? `${zh.subtitle}。` : "";
  return `${lead}一门${LEVEL_ZH[course.level]}${topicZh}课程：短小的视频式课时、随堂练习，以及一件可以与社区分享的结课作品。`;
}

/** Chinese section themes, index for index with SECTION_THEMES (lessons too). */
export const SECTION_THEMES_ZH = [
  { title: "准备开始", lessons: ["欢迎：你将完成什么", "材料与准备", "如何用好这门课练习"] },
  { title: "细细观察", lessons: ["五分钟读懂一件作品", "线条、形状与空间", "案例：近看一件名作", "常见错误"] },
  { title: "核心技法", lessons: ["第一个技法，分步讲解", "层层叠加", "控制与速度", "练习：一幅小习作"] },
  { title: "融会贯通", lessons: ["构思一件完整作品", "创作全程，边画边讲", "点评与修改"] },
  { title: "课程之外", lessons: ["分享你的作品", "下一步往哪里走", "资料与延伸阅读"] },
];
