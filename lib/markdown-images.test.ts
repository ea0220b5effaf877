import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LessonBody } from "@/components/learn/lesson-body";
import { followableUrl, sameSiteImageSrc } from "./markdown-images";

const SITE = "https://atelier.example";

describe("sameSiteImageSrc", () => {
  it("keeps paths and URLs of this site", () => {
    expect(sameSiteImageSrc("/uploads/works/a.webp", SITE)).toBe("/uploads/works/a.webp");
    expect(sameSiteImageSrc("pic.webp", SITE)).toBe("pic.webp");
    expect(sameSiteImageSrc("https://atelier.example/img/course/x.svg?v=1", SITE)).toBe("/img/course/x.svg?v=1");
  });
  it("refuses other sites, other schemes and disguised ones", () => {
    for (const src of [
      "https://tracker.example/p.gif",
      "//tracker.example/p.gif",
      "/\\tracker.example/p.gif",
      "http://atelier.example/x.png",
      "data:image/png;base64,AAAA",
      "javascript:alert(1)",
      "https://atelier.example.evil.example/x.png",
      " ",
      undefined,
    ]) {
      expect(sameSiteImageSrc(src, SITE), String(src)).toBeNull();
    }
  });
  it("offers only http(s) URLs as links", () => {
    expect(followableUrl("https://tracker.example/p.gif")).toBe("https://tracker.example/p.gif");
    expect(followableUrl("javascript:alert(1)")).toBeNull();
  });
});

describe("LessonBody images", () => {
  it("draws a site image and turns a foreign one into a link with its alt text", () => {
    const html = renderToStaticMarkup(
      h(LessonBody, {
        markdown:
          "![ink](/img/course/x.svg)\n\n![pixel](https://tracker.example/p.gif)\n\n![](https://tracker.example/q.gif)",
      }),
    );
    expect(html).toContain('<img src="/img/course/x.svg" alt="ink"');
    expect(html).not.toContain('src="https://tracker.example');
    expect(html).toMatch(/<a href="https:\/\/tracker\.example\/p\.gif"[^>]*>pixel<\/a>/);
    expect(html.match(/<img /g)).toHaveLength(1);
  });
});
