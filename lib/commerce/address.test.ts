import { describe, expect, it } from "vitest";
import { addressErrors, addressSchema, normalizePostalCode } from "./address";

const base = { name: "Ada Li", line1: "1 Main St", city: "Springfield", phone: "+1 555 0100" };

describe("shipping address validation", () => {
  it.each([
    ["US", "CA", "94105"],
    ["US", "NY", "10001-1234"],
    ["GB", "", "SW1A 1AA"],
    ["DE", "", "10115"],
    ["FR", "", "75008"],
    ["JP", "Tokyo", "100-0001"],
    ["CN", "Shanghai", "200000"],
    ["CA", "ON", "K1A 0B1"],
    ["AU", "NSW", "2000"],
  ])("accepts a valid %s address", (country, region, postalCode) => {
    expect(addressSchema.safeParse({ ...base, country, region, postalCode }).success).toBe(true);
  });

  it.each([
    ["US", "CA", "9410"],
    ["GB", "", "12345"],
    ["DE", "", "1011"],
    ["FR", "", "7500A"],
    ["JP", "Tokyo", "1000001x"],
    ["CN", "Beijing", "10000"],
    ["CA", "ON", "12345"],
    ["AU", "NSW", "20000"],
  ])("refuses a bad %s postal code", (country, region, postalCode) => {
    expect(addressErrors({ ...base, country, region, postalCode })).toEqual({ postalCode: "postal_code" });
  });

  it("normalizes what people type", () => {
    expect(normalizePostalCode("GB", " sw1a1aa ")).toBe("SW1A 1AA");
    expect(normalizePostalCode("CA", "k1a0b1")).toBe("K1A 0B1");
    const parsed = addressSchema.parse({ ...base, country: "gb", postalCode: "ec1a1bb" });
    expect(parsed).toMatchObject({ country: "GB", postalCode: "EC1A 1BB", line2: "", region: "" });
  });

  it("needs a region where carriers do, a postal code except where none is used", () => {
    expect(addressErrors({ ...base, country: "US", postalCode: "94105" })).toEqual({ region: "required" });
    expect(addressErrors({ ...base, country: "DE", postalCode: "" })).toEqual({ postalCode: "required" });
    expect(addressErrors({ ...base, country: "NG", postalCode: "" })).toBeNull();
  });

  it("refuses unknown countries, bad phones and missing fields by field", () => {
    expect(addressErrors({ ...base, country: "ZZ", postalCode: "1" })).toMatchObject({ country: "country" });
    expect(addressErrors({ ...base, country: "DE", postalCode: "10115", phone: "call me" })).toEqual({
      phone: "phone",
    });
    expect(addressErrors({ country: "DE", postalCode: "10115", phone: "030 1234567" })).toMatchObject({
      name: "required",
      line1: "required",
      city: "required",
    });
  });

  it("is lenient with countries without a known pattern", () => {
    expect(addressErrors({ ...base, country: "GH", postalCode: "GA-123" })).toBeNull();
  });
});
