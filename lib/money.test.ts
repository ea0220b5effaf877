import { describe, expect, it } from "vitest";
import { currencyExponent, formatMoney, parseMajorAmount } from "./money";

describe("money", () => {
  it("knows the minor-unit exponent of a currency", () => {
    expect(currencyExponent("USD")).toBe(2);
    expect(currencyExponent("JPY")).toBe(0);
  });

  it("formats minor units with Intl for the locale, hiding .00 but never cents", () => {
    expect(formatMoney({ amount: 12000, currency: "USD" }, "en-US")).toBe("$120");
    expect(formatMoney({ amount: 12050, currency: "USD" }, "en-US")).toBe("$120.50");
    expect(formatMoney({ amount: 12050, currency: "USD" }, "zh-CN")).toBe("US$120.50");
    expect(formatMoney({ amount: 500, currency: "JPY" }, "en-US")).toBe("¥500");
  });

  it("parses what a person types into minor units", () => {
    expect(parseMajorAmount("12.50", "USD")).toBe(1250);
    expect(parseMajorAmount(" 7 ", "USD")).toBe(700);
    expect(parseMajorAmount("12.505", "USD")).toBeNull();
    expect(parseMajorAmount("-1", "USD")).toBeNull();
    expect(parseMajorAmount("abc", "USD")).toBeNull();
  });
});
