/**
 * Chinese for the demo artworks. English titles are "<mood> <subject>"; the Chinese ones are
 * "<意境>·<题材>", the way Chinese exhibition lists name works in a series ("秋日·寒江独钓"), so every
 * pairing the generator draws reads as a title rather than a word-for-word gloss.
 */
export const MOODS_ZH: Record<string, string> = {
  Misty: "烟雨",
  Quiet: "静谧",
  Autumn: "秋日",
  Evening: "暮色",
  Spring: "春日",
  Distant: "悠远",
  Running: "行书",
  Wild: "狂草",
  Still: "澄心",
  Bold: "雄浑",
  Winter: "冬日",
  Summer: "夏日",
  Late: "夜深",
  Silent: "寂静",
  Northern: "北国",
  Neon: "霓虹",
  Blue: "蓝调",
  Crowded: "熙攘",
  Empty: "空寂",
  Red: "赤红",
  Atlantic: "大西洋",
  Low: "低沉",
  Warm: "暖调",
  Broken: "破碎",
};

export const SUBJECTS_ZH: Record<string, string> = {
  "Peaks after Rain": "雨后群峰",
  "Pines in Fog": "雾中松",
  "Fisherman on a Cold River": "寒江独钓",
  "Plum Blossom at Dusk": "黄昏梅影",
  "Waterfall Study": "飞瀑习作",
  "Village beyond the Clouds": "云外山村",
  "Two Cranes": "双鹤图",
  "Lotus Pond": "荷塘",
  "Thousand Character Fragment": "千字文残篇",
  "Ode to the Red Cliff": "赤壁赋",
  "Wind and Moon": "风月",
  "The Way": "道",
  "Spring Dawn": "春晓",
  "Calm Water": "止水",
  "Fjord at Blue Hour": "蓝调时刻的峡湾",
  "Naples Stairway": "那不勒斯石阶",
  "Fishermen, Morning": "清晨渔人",
  "Glacier Edge": "冰川边缘",
  "Laundry Lines": "晾衣绳",
  "Harbour Lights": "港湾灯火",
  "Salt Flats": "盐滩",
  "Night Market": "夜市",
  "Rain on Shijo Street": "四条通的雨",
  "Station at Midnight": "午夜车站",
  "Bridge and Lanterns": "桥与灯笼",
  Rooftops: "屋顶",
  "Tram Lines": "电车轨道",
  "Old Quarter": "老城区",
  "Composition No. 7": "第七号构成",
  "Tide Table": "潮汐表",
  "Azulejo Grid": "花砖网格",
  "Field of Ochre": "赭石色域",
  "Weather Diary": "天气日记",
  Interval: "间隔",
  "Kente Variation": "肯特布变奏",
  "Single Stroke": "一笔",
};

/** Media as Chinese auction and gallery catalogues write them (材质在前的“纸本水墨”, “布面丙烯”). */
export const MEDIA_ZH: Record<string, string> = {
  "Ink on xuan paper": "纸本水墨（宣纸）",
  "Ink and colour on silk": "绢本设色",
  "Ink on hanji paper": "纸本水墨（韩纸）",
  "Giclée on xuan paper": "宣纸艺术微喷",
  "Ink on gold-flecked paper": "洒金纸本水墨",
  "Woodblock print": "木版画",
  "Gelatin silver print, unique": "银盐相纸，孤版",
  "Archival pigment print": "典藏级艺术微喷",
  "Baryta print": "钡地相纸微喷",
  "Platinum-palladium print": "铂钯印相",
  "Monotype on paper": "纸本独幅版画",
  "Etching with aquatint": "铜版蚀刻（飞尘腐蚀）",
  Screenprint: "丝网版画",
  "Acrylic on canvas": "布面丙烯",
  "Tempera on panel": "木板蛋彩",
  "Oil on linen": "亚麻布面油画",
  "Gouache on paper": "纸本水粉",
  "Giclée print": "艺术微喷",
};

export const PROVENANCE_ZH: Record<string, string> = {
  "Acquired directly from the artist's studio.": "直接购自艺术家工作室。",
  "Exhibited at the artist's solo show; from the gallery's inventory.": "曾于艺术家个展展出；画廊库存作品。",
  "Private collection, Hong Kong; consigned to the gallery.": "香港私人收藏，委托画廊代售。",
  "From the artist; accompanied by a signed certificate of authenticity.": "得自艺术家本人，附亲笔签名的真品证书。",
  "Private collection, London, acquired at the artist's first exhibition.": "伦敦私人收藏，购于艺术家首次展览。",
};

export function artworkTitleZh(mood: string, subject: string): string {
  return `${MOODS_ZH[mood] ?? mood}·${SUBJECTS_ZH[subject] ?? subject}`;
}

export function artworkDescriptionZh(
  titleZh: string,
  sellerName: string,
  editionSize: number,
  bioZh: string | undefined,
): string {
  const what = editionSize > 1 ? `限量编号作品，共 ${editionSize} 版` : "原作，仅此一件";
  // Chinese typesetting puts a space between Han characters and a Latin name ("是 Mateo Silva 的").
  const name = /^[\p{Script=Han}]/u.test(sellerName) ? sellerName : ` ${sellerName} `;
  return `《${titleZh}》是${name}的${what}。${bioZh ?? ""}`;
}
