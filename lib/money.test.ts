import { describe, expect, it } from "vitest";
import {
  allocateMinor,
  currencyExponent,
  formatMoney,
  multiplyMinor,
  parseMajorAmount,
  sumMinor,
  taxOf,
  toMajorString,
} from "./money";

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

  it("knows CNY has fen and JPY none, and writes exact major-unit text", () => {
    expect(currencyExponent("CNY")).toBe(2);
    expect(toMajorString({ amount: 9_999, currency: "CNY" })).toBe("99.99");
    expect(toMajorString({ amount: 5, currency: "CNY" })).toBe("0.05");
    expect(toMajorString({ amount: 1_980, currency: "JPY" })).toBe("1980");
    expect(toMajorString({ amount: -150, currency: "USD" })).toBe("-1.50");
    expect(parseMajorAmount("1980", "JPY")).toBe(1_980);
    expect(parseMajorAmount("19.8", "JPY")).toBeNull();
    expect(parseMajorAmount("99.99", "CNY")).toBe(9_999);
  });

  it("adds and multiplies exactly, refusing fractions and overflow", () => {
    expect(sumMinor([10, 20, 30])).toBe(60);
    expect(multiplyMinor(33_333, 3)).toBe(99_999);
    expect(() => sumMinor([0.1, 0.2])).toThrow(RangeError);
    expect(() => multiplyMinor(Number.MAX_SAFE_INTEGER, 2)).toThrow(RangeError);
  });

  it("rounds tax once, half away from zero, to the currency's minor unit", () => {
    expect(taxOf({ amount: 1_000, ratePpm: 100_000, inclusive: false })).toBe(100);
    expect(taxOf({ amount: 5, ratePpm: 100_000, inclusive: false })).toBe(1); // 0.5 -> 1
    expect(taxOf({ amount: 4, ratePpm: 100_000, inclusive: false })).toBe(0); // 0.4 -> 0
    expect(taxOf({ amount: 1_100, ratePpm: 100_000, inclusive: true })).toBe(100);
    expect(taxOf({ amount: 0, ratePpm: 200_000, inclusive: true })).toBe(0);
    expect(() => taxOf({ amount: 100, ratePpm: -1, inclusive: false })).toThrow(RangeError);
  });

  it("allocates a total over weights so the parts add up exactly", () => {
    expect(allocateMinor(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocateMinor(1, [1, 1])).toEqual([1, 0]);
    expect(allocateMinor(0, [0, 0])).toEqual([0, 0]);
    expect(allocateMinor(999, [2, 3, 5]).reduce((a, b) => a + b, 0)).toBe(999);
    expect(() => allocateMinor(10, [0, 0])).toThrow(RangeError);
  });
});
