import { describe, expect, it } from "vitest";
import { ARTWORK_STYLES, artworkCanvas, artworkSvg, avatarSvg, courseCoverSvg, escapeXml, initials } from "./svg";
import { bundleCoverSvg, type BundlePart } from "./bundle";
import { fitLines, textWidth, wrap } from "./text";

const LIMIT = 30_000;
const ART_TOPICS = Object.keys(ARTWORK_STYLES);
const COURSE_TOPICS = [
  "art-history",
  "ink-painting",
  "calligraphy",
  "photography",
  "collecting",
  "personal-finance",
  "career",
  "design",
  "printmaking",
  "abstract",
];
const MEDIA: Record<string, string[]> = {
  "ink-painting": ["Ink on xuan paper", "Ink and colour on silk", "Ink on hanji paper", "Giclée on xuan paper"],
  calligraphy: ["Ink on xuan paper", "Ink on gold-flecked paper", "Woodblock print"],
  photography: ["Gelatin silver print, unique", "Archival pigment print", "Baryta print", "Platinum-palladium print"],
  printmaking: ["Monotype on paper", "Woodblock print", "Etching with aquatint", "Screenprint"],
  abstract: ["Acrylic on canvas", "Tempera on panel", "Oil on linen", "Gouache on paper"],
};
const NASTY = `Rain & "Wind" <on> the 'River' — 山水 <雨> &amp; ]]> 🌊`;

type Element = { name: string; attrs: Map<string, string> };

/**
 * A small XML well-formedness check, enough for generated SVG: one root element, balanced and
 * properly nested tags, quoted unique attributes, no stray `<`, and only known entity references.
 * Returns the elements in document order.
 */
function parseXml(xml: string): Element[] {
  const entity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const elements: Element[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = lt === -1 ? xml.slice(i) : xml.slice(i, lt);
    if (text.includes(">")) throw new Error(`stray '>' in text near ${i}`);
    if (entity.test(text)) throw new Error(`bad entity in text near ${i}: ${text.slice(0, 40)}`);
    if (text.trim() && stack.length === 0) throw new Error("text outside the root element");
    if (lt === -1) break;
    const gt = xml.indexOf(">", lt);
    if (gt === -1) throw new Error(`unterminated tag at ${lt}`);
    const tag = xml.slice(lt + 1, gt);
    if (tag.includes("<")) throw new Error(`'<' inside tag at ${lt}`);
    i = gt + 1;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
      continue;
    }
    const selfClosing = tag.endsWith("/");
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.:-]*)/.exec(body);
    if (!m || !m[1]) throw new Error(`bad tag name at ${lt}: ${body.slice(0, 20)}`);
    const name = m[1];
    const attrs = new Map<string, string>();
    let rest = body.slice(name.length);
    const attr = /^\s+([A-Za-z_:][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/;
    for (;;) {
      const a = attr.exec(rest);
      if (!a) break;
      const key = a[1] as string;
      const value = a[3] ?? a[4] ?? "";
      if (attrs.has(key)) throw new Error(`duplicate attribute ${key} on <${name}>`);
      if (entity.test(value)) throw new Error(`bad entity in ${key}="${value.slice(0, 40)}"`);
      attrs.set(key, value);
      rest = rest.slice(a[0].length);
    }
    if (rest.trim()) throw new Error(`unparsed attribute text on <${name}>: ${rest.slice(0, 40)}`);
    if (stack.length === 0) roots++;
    elements.push({ name, attrs });
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join("><")}>`);
  if (roots !== 1) throw new Error(`${roots} root elements`);
  return elements;
}

/** Well-formed, a proper standalone accessible <svg>, with every internal reference defined. */
function checkSvg(svg: string, title: string, limit = LIMIT): Element[] {
  const elements = parseXml(svg);
  const root = elements[0];
  expect(root?.name).toBe("svg");
  expect(root?.attrs.get("xmlns")).toBe("http://www.w3.org/2000/svg");
  expect(root?.attrs.get("role")).toBe("img");
  expect(root?.attrs.get("viewBox")).toMatch(/^0 0 \d+ \d+$/);
  expect(Number(root?.attrs.get("width"))).toBeGreaterThan(0);
  expect(Number(root?.attrs.get("height"))).toBeGreaterThan(0);
  expect(elements[1]?.name).toBe("title");
  expect(svg).toContain(`<title>${escapeXml(title)}</title>`);
  expect(svg).not.toMatch(/NaN|undefined|Infinity|null/);
  expect(svg.length).toBeLessThan(limit);
  const ids = new Set<string>();
  for (const e of elements) {
    const id = e.attrs.get("id");
    if (id === undefined) continue;
    expect(ids.has(id), `duplicate id ${id}`).toBe(false);
    ids.add(id);
  }
  for (const m of svg.matchAll(/url\(#([^)]+)\)|href="#([^"]+)"/g)) {
    const ref = (m[1] ?? m[2]) as string;
    expect(ids.has(ref), `reference to undefined #${ref}`).toBe(true);
  }
  return elements;
}

describe("parseXml (the test's own checker)", () => {
  it("rejects malformed markup", () => {
    expect(() => parseXml("<svg><g></svg>")).toThrow();
    expect(() => parseXml("<svg><title>a < b</title></svg>")).toThrow();
    expect(() => parseXml("<svg><title>a & b</title></svg>")).toThrow();
    expect(() => parseXml('<svg a="1" a="2"></svg>')).toThrow();
    expect(() => parseXml("<svg/><svg/>")).toThrow();
    expect(() => parseXml('<svg a="x"y="1"/>')).toThrow();
    expect(parseXml('<svg a="&amp;&#20;"><g/>t</svg>')).toHaveLength(2);
  });
});

describe("escapeXml", () => {
  it("escapes markup characters and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;",
    );
    expect(escapeXml("a\u0000b\u0007c\n山")).toBe("abc\n山");
    expect(escapeXml("&amp;")).toBe("&amp;amp;");
  });
});

describe("artworkSvg", () => {
  it.each(ART_TOPICS)("%s: renders valid, small, accessible SVG for many seeds, media and shapes", (topic) => {
    const media = MEDIA[topic] ?? ["Mixed media"];
    const shapes: [number | undefined, number | undefined][] = [
      [undefined, undefined],
      [1200, 800],
      [600, 1000],
      [1000, 1000],
      [4000, 900],
    ];
    for (let seed = 0; seed < 30; seed++) {
      const [width, height] = shapes[seed % shapes.length] as [number | undefined, number | undefined];
      const title = seed % 2 ? NASTY : `Peaks after Rain ${seed}`;
      const svg = artworkSvg({
        seed: 5000 + seed,
        title,
        medium: media[seed % media.length] as string,
        topic,
        width,
        height,
      });
      checkSvg(svg, title);
    }
  });

  it.each(ART_TOPICS)("%s: same seed gives the same picture, different seeds differ", (topic) => {
    const args = { title: "Quiet Pines", medium: MEDIA[topic]?.[0] ?? "", topic };
    expect(artworkSvg({ ...args, seed: 7 })).toBe(artworkSvg({ ...args, seed: 7 }));
    const outputs = new Set(Array.from({ length: 12 }, (_, s) => artworkSvg({ ...args, seed: s })));
    expect(outputs.size).toBe(12);
  });

  it("styles differ by topic and unknown topics fall back to a valid picture", () => {
    const seen = new Set(ART_TOPICS.map((topic) => artworkSvg({ seed: 1, title: "x", medium: "", topic })));
    expect(seen.size).toBe(ART_TOPICS.length);
    const svg = artworkSvg({ seed: 1, title: "x", medium: "", topic: "pottery" });
    checkSvg(svg, "x");
    expect(svg).toBe(artworkSvg({ seed: 1, title: "x", medium: "", topic: "abstract" }));
  });

  it("escapes hostile titles everywhere they appear", () => {
    const title = `</title><script>alert("x")</script>&`;
    const svg = artworkSvg({ seed: 3, title, medium: "Ink", topic: "ink-painting" });
    expect(svg).not.toContain("<script");
    expect(svg).toContain(`aria-label="&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"`);
    checkSvg(svg, title);
  });

  it("takes the aspect ratio and size attributes from width/height, defaulting to 800x1000", () => {
    const attrs = (svg: string) => parseXml(svg)[0]?.attrs;
    const base = { seed: 1, title: "t", medium: "", topic: "abstract" };
    expect(attrs(artworkSvg(base))?.get("width")).toBe("800");
    expect(attrs(artworkSvg(base))?.get("height")).toBe("1000");
    expect(attrs(artworkSvg(base))?.get("viewBox")).toBe("0 0 800 1000");
    const wide = attrs(artworkSvg({ ...base, width: 1200, height: 600 }));
    expect([wide?.get("width"), wide?.get("height"), wide?.get("viewBox")]).toEqual(["1200", "600", "0 0 1000 500"]);
    expect(artworkCanvas(400)).toEqual({ width: 800, height: 1000, displayWidth: 400, displayHeight: 500 });
    expect(artworkCanvas(Number.NaN, -5)).toEqual({ width: 800, height: 1000, displayWidth: 800, displayHeight: 1000 });
    // Extreme ratios are clamped to 4:1.
    expect(artworkCanvas(10_000, 10)).toMatchObject({ width: 1000, height: 250 });
  });

  it("picks the photograph's process from the medium (silver prints are monochrome)", () => {
    const mono = artworkSvg({ seed: 2, title: "t", medium: "Gelatin silver print, unique", topic: "photography" });
    const colour = artworkSvg({ seed: 2, title: "t", medium: "Archival pigment print", topic: "photography" });
    expect(mono).toContain('type="saturate" values="0"');
    expect(colour).not.toContain('type="saturate"');
  });
});

describe("courseCoverSvg", () => {
  it.each([...COURSE_TOPICS, "pottery"])("%s: valid 1200x675 cover with title and level badge", (topic) => {
    for (const level of ["beginner", "intermediate", "advanced"]) {
      const title = `Misty mountains in ink: ${level}`;
      const svg = courseCoverSvg({ seed: 1000, title, topic, level });
      const root = checkSvg(svg, title)[0];
      expect([root?.attrs.get("width"), root?.attrs.get("height"), root?.attrs.get("viewBox")]).toEqual([
        "1200",
        "675",
        "0 0 1200 675",
      ]);
      expect(svg).toContain(`>${level[0]?.toUpperCase()}${level.slice(1)}</text>`);
    }
  });

  it("is deterministic per seed and varies between seeds", () => {
    const args = { title: "Sumi-e: bamboo and plum", topic: "ink-painting", level: "beginner" };
    expect(courseCoverSvg({ ...args, seed: 4 })).toBe(courseCoverSvg({ ...args, seed: 4 }));
    expect(new Set(Array.from({ length: 8 }, (_, s) => courseCoverSvg({ ...args, seed: s }))).size).toBe(8);
  });

  it("escapes the title and wraps long or CJK titles onto at most three lines", () => {
    const long = `${NASTY} — a very long course title that keeps going well past what three lines of large type can hold, ${"and more ".repeat(12)}`;
    const svg = courseCoverSvg({ seed: 9, title: long, topic: "calligraphy", level: "advanced" });
    checkSvg(svg, long);
    const spans = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? "");
    expect(spans.length).toBe(3);
    expect(spans[2]?.endsWith("…")).toBe(true);
    expect(spans[0]).toContain("Rain &amp; &quot;Wind&quot; &lt;on&gt;");

    const cjk = "木版画入门：从刻版到印刷的完整流程与色彩叠印技法详解";
    const cjkSvg = courseCoverSvg({ seed: 9, title: cjk, topic: "printmaking", level: "beginner" });
    checkSvg(cjkSvg, cjk);
    const cjkSpans = [...cjkSvg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1] ?? "");
    expect(cjkSpans.length).toBeGreaterThan(1);
    expect(cjkSpans.join("")).toBe(cjk);
  });
});

describe("avatarSvg", () => {
  it("renders a deterministic circular monogram", () => {
    const svg = avatarSvg({ seed: 11, name: "Lin Mei" });
    checkSvg(svg, "Lin Mei");
    expect(svg).toBe(avatarSvg({ seed: 11, name: "Lin Mei" }));
    expect(svg).not.toBe(avatarSvg({ seed: 12, name: "Lin Mei" }));
    expect(svg).toContain("<circle");
    expect(svg).toContain(">LM</text>");
  });

  it("escapes names and derives sensible initials", () => {
    const name = `O'Brien <&> "Studio"`;
    checkSvg(avatarSvg({ seed: 1, name }), name);
    expect(initials("Park Ji-woo")).toBe("PJ");
    expect(initials("West Lake Gallery")).toBe("WG");
    expect(initials("林梅")).toBe("林");
    expect(initials("élodie")).toBe("É");
    expect(initials("  ")).toBe("?");
    expect(initials(name)).toBe("OS");
  });
});

describe("text layout", () => {
  it("wraps by words, splits CJK by character and over-long words by letter", () => {
    expect(wrap("one two three", 10, textWidth("one two", 10))).toEqual(["one two", "three"]);
    expect(wrap("山水画", 10, 20)).toEqual(["山水", "画"]);
    const parts = wrap("a".repeat(50), 10, 100);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join("")).toBe("a".repeat(50));
  });

  it("fits at the largest size that gives at most N lines", () => {
    const short = fitLines("Abstraction", 1000, 3, 92, 52);
    expect(short).toEqual({ lines: ["Abstraction"], fontSize: 92 });
    const long = fitLines("word ".repeat(80), 1000, 3, 92, 52);
    expect(long.fontSize).toBe(52);
    expect(long.lines).toHaveLength(3);
    for (const l of long.lines) expect(textWidth(l, 52)).toBeLessThanOrEqual(1000);
  });
});

describe("bundleCoverSvg", () => {
  const course = (topic: string, title = "Misty mountains in ink"): BundlePart => ({
    kind: "course",
    seed: 11,
    title,
    topic,
    level: "intermediate",
  });
  const artwork = (topic: string, title = "Evening lotus pond"): BundlePart => ({
    kind: "artwork",
    seed: 12,
    title,
    topic,
    medium: "Ink on xuan paper",
  });

  it.each(ART_TOPICS)(
    "%s: a valid 800x1000 cover that draws both parts, each once, inside the bundle's document",
    (topic) => {
      const title = "Misty Mountains course + Evening Lotus Pond edition";
      const svg = bundleCoverSvg({ seed: 5, title, parts: [course(topic), artwork(topic)] });
      const elements = checkSvg(svg, title, 2 * LIMIT);
      expect([elements[0]?.attrs.get("width"), elements[0]?.attrs.get("height")]).toEqual(["800", "1000"]);
      // The parts are nested viewports without titles or roles of their own: one accessible image.
      const nested = elements.filter((e) => e.name === "svg").slice(1);
      expect(nested).toHaveLength(2);
      for (const e of nested)
        expect([e.attrs.has("role"), e.attrs.has("xmlns"), e.attrs.has("x")]).toEqual([false, false, true]);
      expect(elements.filter((e) => e.name === "title")).toHaveLength(1);
      expect(svg).toContain(">Misty mountains in");
    },
  );

  it("escapes hostile titles of the bundle and of its parts", () => {
    const hostile = `</title><script>alert(1)</script><img src=x onerror=alert(2)>&`;
    const svg = bundleCoverSvg({
      seed: 6,
      title: hostile,
      parts: [course("design", hostile), artwork("abstract", hostile)],
    });
    expect(svg).not.toMatch(/<script|<img/);
    checkSvg(svg, hostile, 2 * LIMIT);
  });

  it("is deterministic, and still a picture with one part or none", () => {
    const args = {
      seed: 7,
      title: "Two artworks",
      parts: [artwork("photography"), artwork("printmaking", "Harbour at dawn")],
    };
    expect(bundleCoverSvg(args)).toBe(bundleCoverSvg(args));
    checkSvg(bundleCoverSvg(args), "Two artworks", 2 * LIMIT);
    checkSvg(
      bundleCoverSvg({ seed: 8, title: "Just a course", parts: [course("career")] }),
      "Just a course",
      2 * LIMIT,
    );
    checkSvg(bundleCoverSvg({ seed: 9, title: "Empty", parts: [] }), "Empty", 2 * LIMIT);
  });
});
