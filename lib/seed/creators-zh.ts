/**
 * The demo creators in Simplified Chinese, keyed by slug. Names only where Chinese readers would write
 * them in characters: Chinese artists, Japanese and Korean names in their usual kanji/hanja form, and a
 * Hangzhou gallery's own Chinese name. Western names stay null (shown as written in English).
 */
export const CREATORS_ZH: Record<string, { name: string | null; location: string; bio: string }> = {
  "lin-mei": {
    name: "林梅",
    location: "杭州",
    bio: "水墨画家、教师，毕业于中国美术学院，十五年来一直为成年学员教授笔墨技法。",
  },
  "daniel-okafor": {
    name: null,
    location: "伦敦",
    bio: "前拍卖行专家，如今教藏家读懂一幅画、一本图录和一份品相报告。",
  },
  "sofia-marchetti": {
    name: null,
    location: "佛罗伦萨",
    bio: "艺术史学者，专注文艺复兴画坊，以及构图法则如何从绘画走进设计。",
  },
  "kenji-watanabe": {
    name: "渡边健二",
    location: "京都",
    bio: "浮世绘传统的木版画师，也画墨绘，两门手艺都面向初学者授课。",
  },
  "amara-nwosu": {
    name: null,
    location: "拉各斯",
    bio: "理财规划师，帮助创意工作者管理不稳定的收入，把艺术品当作长期资产来看待。",
  },
  "hannah-becker": {
    name: null,
    location: "柏林",
    bio: "纪实摄影师、摄影集设计师，主张先学会看，再按快门。",
  },
  "rafael-ortega": {
    name: null,
    location: "墨西哥城",
    bio: "版画家、工作室创办人，在作品集、定价和画廊合作方面为艺术家提供指导。",
  },
  "zhou-yan": {
    name: "周彦",
    location: "北京",
    bio: "书法家，研究宋代文人文化，教授楷书与草书。",
  },
  "priya-raman": {
    name: null,
    location: "班加罗尔",
    bio: "设计师兼画家，用在厨房餐桌上就能完成的绘画练习来讲色彩理论。",
  },
  "thomas-whitfield": {
    name: null,
    location: "纽约",
    bio: "前投资组合经理，用大白话讲投资，也教自由职业者如何规划养老。",
  },
  "chen-shuyi": {
    name: "陈书怡",
    location: "苏州",
    bio: "在手工宣纸上画烟雨山水，曾在上海、台北和温哥华展出。",
  },
  "mateo-silva": {
    name: null,
    location: "里斯本",
    bio: "以蛋彩和水粉创作几何抽象，灵感来自葡萄牙花砖与大西洋的光。",
  },
  "yuki-tanaka": {
    name: "田中由纪",
    location: "大阪",
    bio: "以当代木版画描绘城市夜色，手工拓印，小批量限量编号。",
  },
  "ingrid-larsen": {
    name: null,
    location: "卑尔根",
    bio: "风光艺术摄影师，拍摄挪威峡湾，作品以典藏级微喷限量发行。",
  },
  "wang-lei": {
    name: "王磊",
    location: "西安",
    bio: "书法家，他的草书作品游走于书写与抽象绘画之间。",
  },
  "olivia-grant": {
    name: null,
    location: "爱丁堡",
    bio: "表现性抽象画家、铜版画家，作品关乎天气、潮汐与记忆。",
  },
  "samuel-adeyemi": {
    name: null,
    location: "阿克拉",
    bio: "以西非织物纹样为基础，创作色域绘画与丝网版画。",
  },
  "lucia-romano": {
    name: null,
    location: "那不勒斯",
    bio: "意大利南部的街头摄影师，以钡地纸冲印，每版限量二十张。",
  },
  "park-jiwoo": {
    name: "朴智宇",
    location: "首尔",
    bio: "在韩纸上创作极简水墨，一笔撑起整幅构图。",
  },
  "elena-petrova": {
    name: null,
    location: "第比利斯",
    bio: "以铜版画和独幅版画描绘建筑，层层叠加，直到楼宇化作节奏。",
  },
  "west-lake-gallery": {
    name: "西湖画廊",
    location: "杭州",
    bio: "专注当代水墨与书法的画廊，设有面向新藏家的借阅图书室。",
  },
  "north-light-editions": {
    name: null,
    location: "哥本哈根",
    bio: "限量摄影与版画出版机构，每一版均附证书并逐一编号。",
  },
  "atlas-contemporary": {
    name: null,
    location: "里斯本",
    bio: "发掘新锐抽象画家的画廊，并为首次购藏的买家举办系列讲座。",
  },
  "meridian-prints": {
    name: null,
    location: "京都",
    bio: "版画工坊兼画廊，与在世艺术家一起延续日本木版画传统。",
  },
};
