import { describe, expect, it } from "vitest";
import { localized, localizedString } from "./localized";

describe("localized", () => {
  it("gives the page's own language when it was written", () => {
    expect(localized("zh", "Ink painting", "水墨画")).toEqual({ text: "水墨画", lang: "zh", fallback: false });
    expect(localized("en", "Ink painting", "水墨画")).toEqual({ text: "Ink painting", lang: "en", fallback: false });
  });

  it("falls back to the other language, marked as such, when one is missing or empty", () => {
    expect(localized("zh", "Ink painting", null)).toEqual({ text: "Ink painting", lang: "en", fallback: true });
    expect(localized("zh", "Ink painting", "")).toEqual({ text: "Ink painting", lang: "en", fallback: true });
    expect(localized("en", "", "水墨画")).toEqual({ text: "水墨画", lang: "zh", fallback: true });
  });

  it("gives an empty text in the page's language when neither was written", () => {
    expect(localized("zh", "", null)).toEqual({ text: "", lang: "zh", fallback: false });
    expect(localizedString("en", null, undefined)).toBe("");
  });
});
