import { describe, expect, it } from "vitest";
import { ratesFormSchema } from "./shipping-rates-form";

describe("shipping rates form", () => {
  it("turns the rows that are on into rates, in minor units of the chosen currency", () => {
    const rates = ratesFormSchema.parse({
      currency: "JPY",
      insurance: "1.5",
      domestic_mode: "flat",
      domestic_flat: "1500",
      worldwide_mode: "size_band",
      worldwide_small: "4000",
      worldwide_medium: "9000",
      worldwide_large: "30000",
      countries_mode: "off",
    });
    expect(rates).toEqual([
      expect.objectContaining({
        zone: "domestic",
        method: "flat",
        flatAmount: 1500,
        currency: "JPY",
        insurancePpm: 15_000,
      }),
      expect.objectContaining({ zone: "worldwide", method: "size_band", smallAmount: 4000, largeAmount: 30_000 }),
    ]);
  });

  it("reads major units with cents for USD and a country list", () => {
    const [rate] = ratesFormSchema.parse({
      currency: "USD",
      insurance: "0",
      countries_mode: "flat",
      countries_flat: "12.50",
      countries_list: "ca, mx",
    });
    expect(rate).toMatchObject({ zone: "countries", countries: ["CA", "MX"], flatAmount: 1250 });
  });

  it("names the field of each problem", () => {
    const parsed = ratesFormSchema.safeParse({
      currency: "USD",
      insurance: "abc",
      region_mode: "flat",
      region_flat: "-3",
      countries_mode: "flat",
      countries_flat: "1",
      countries_list: "ZZ",
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(paths).toContain("insurance:percent");
  });

  it("refuses amounts that are not money once the fields are valid", () => {
    const parsed = ratesFormSchema.safeParse({
      currency: "USD",
      insurance: "1",
      region_mode: "flat",
      region_flat: "-3",
      countries_mode: "flat",
      countries_flat: "1",
      countries_list: "ZZ",
    });
    const paths = parsed.error!.issues.map((i) => `${String(i.path[0])}:${i.message}`);
    expect(paths).toEqual(expect.arrayContaining(["region_flat:amount", "countries_list:country"]));
  });
});
