import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { intlLocale, localeFromAcceptLanguage } from "./locales";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("localeFromAcceptLanguage", () => {
  it("picks the best supported language by q-value", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR, en;q=0.5, zh;q=0.7")).toBe("zh");
    expect(localeFromAcceptLanguage("de, fr")).toBe("en");
    expect(localeFromAcceptLanguage("zh;q=0, en")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });

  it("maps locales to Intl tags", () => {
    expect(intlLocale("zh")).toBe("zh-CN");
    expect(intlLocale("en")).toBe("en-US");
  });
});

describe("message catalogues", () => {
  it("have the same keys in English and Simplified Chinese", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("have no empty message", () => {
    for (const catalogue of [en, zh]) {
      const empty = keys(catalogue).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogue) === "",
      );
      expect(empty).toEqual([]);
    }
  });
});

describe("page titles", () => {
  it("are never fixed English text: every page and layout under app/ translates its title", () => {
    const files = (readdirSync("app", { recursive: true }) as string[]).filter((f) =>
      /(^|\/)(page|layout)\.tsx$/.test(f),
    );
    expect(files.length).toBeGreaterThan(30);
    // A static `metadata` object can only hold one language: any literal title (plain, `default` or
    // `absolute` of a title object) or description in it is English every visitor would see.
    const fixedText = /export const metadata\s*(:[^=]+)?=\s*\{[^;]*?\b(title|description|default|absolute)\s*:\s*["'`]/;
    const fixed = files.filter((f) => fixedText.test(readFileSync(join("app", f), "utf8")));
    expect(fixed).toEqual([]);
    // The pattern itself catches the shapes a regression would take and leaves text-free metadata alone.
    expect(fixedText.test('export const metadata = { title: "Cart", robots: { index: false } };')).toBe(true);
    expect(fixedText.test("export const metadata: Metadata = {\n  title: { absolute: `Sales` },\n};")).toBe(true);
    expect(fixedText.test('export const metadata = { description: "Our shop" };')).toBe(true);
    expect(fixedText.test("export const metadata = { robots: { index: false } };")).toBe(false);
  });
});
