import { describe, expect, it } from "vitest";
import { isTimeZone, shopFormatter } from "./format";

// 00:30 UTC on 29 March 2026 is already the 29th in Shanghai (08:30) but still the 28th in Los Angeles
// (17:30 the day before, daylight time): the day a page shows depends on the shop's zone, not the server's.
const instant = new Date("2026-03-29T00:30:00Z");

describe("shopFormatter", () => {
  it("shows the local day of the configured zone, in English", () => {
    const shanghai = shopFormatter({ locale: "en", timeZone: "Asia/Shanghai" });
    const losAngeles = shopFormatter({ locale: "en", timeZone: "America/Los_Angeles" });
    expect(shanghai.dateTime(instant, "dateLong")).toBe("March 29, 2026");
    expect(losAngeles.dateTime(instant, "dateLong")).toBe("March 28, 2026");
    expect(shanghai.dateTime(instant, "dateTimeZoned")).toBe("March 29, 2026 at 08:30 AM GMT+8");
    expect(losAngeles.dateTime(instant, "dateTimeZoned")).toBe("March 28, 2026 at 05:30 PM PDT");
  });

  it("shows the local day of the configured zone, in Chinese", () => {
    const shanghai = shopFormatter({ locale: "zh", timeZone: "Asia/Shanghai" });
    const losAngeles = shopFormatter({ locale: "zh", timeZone: "America/Los_Angeles" });
    expect(shanghai.dateTime(instant, "dateLong")).toBe("2026年3月29日");
    expect(losAngeles.dateTime(instant, "dateLong")).toBe("2026年3月28日");
    expect(shanghai.dateTime(instant, "dateTime")).toMatch(/^2026年3月29日 08:30$/);
    expect(losAngeles.dateTime(instant, "dateTime")).toMatch(/^2026年3月28日 17:30$/);
  });

  it("formats the shared number formats in the page's language", () => {
    expect(shopFormatter({ locale: "en", timeZone: "UTC" }).number(1234.56, "short")).toBe("1,234.6");
    expect(shopFormatter({ locale: "zh", timeZone: "UTC" }).number(0.125, "percent")).toBe("12.5%");
  });
});

describe("isTimeZone", () => {
  it("accepts IANA names and UTC, and refuses anything else", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("GMT+25")).toBe(false);
  });
});
