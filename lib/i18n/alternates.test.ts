import { describe, expect, it } from "vitest";
import { alternatesFor, languageUrls } from "./alternates";

describe("alternatesFor", () => {
  it("gives a Chinese page its own canonical URL and both languages plus x-default", () => {
    expect(alternatesFor("/courses/ink-basics", "zh")).toEqual({
      canonical: "/zh/courses/ink-basics",
      languages: { en: "/courses/ink-basics", "zh-Hans": "/zh/courses/ink-basics", "x-default": "/courses/ink-basics" },
    });
  });

  it("keeps English at the unprefixed path, the home page included", () => {
    expect(alternatesFor("/", "en").canonical).toBe("/");
    expect(languageUrls("/")).toEqual({ en: "/", "zh-Hans": "/zh", "x-default": "/" });
  });
});
