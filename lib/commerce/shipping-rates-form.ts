/**
 * The studio's shipping-rates form, parsed: one currency for all of a creator's rates, an insurance
 * percentage for originals, and one row per zone (domestic, region, worldwide and a country list), each
 * off, flat or by size band, amounts typed in major units. Pure, so the action and the tests share it;
 * error messages are keys under `shippingRates.errors`, each issue's path names its field.
 */
import { z } from "zod";
import { currencySchema, parseMajorAmount, type Currency } from "@/lib/money";
import { isShipCountry } from "./address";
import type { ShippingRate, ShippingZone } from "./shipping-rates";

export const FORM_ZONES = ["domestic", "region", "worldwide", "countries"] as const satisfies readonly ShippingZone[];
export const AMOUNT_FIELDS = ["flat", "small", "medium", "large"] as const;

const mode = z.enum(["off", "flat", "size_band"], { error: "invalid" });
const zoneFields = Object.fromEntries(
  FORM_ZONES.flatMap((zone) => [
    [`${zone}_mode`, mode.default("off")],
    ...AMOUNT_FIELDS.map((f) => [`${zone}_${f}`, z.string().trim().max(12, { error: "too_long" }).default("")]),
  ]),
) as Record<string, z.ZodDefault<z.ZodString> | z.ZodDefault<typeof mode>>;

export const ratesFormSchema = z
  .object({
    currency: currencySchema,
    insurance: z
      .string()
      .trim()
      .regex(/^\d{1,2}(\.\d{1,2})?$/, { error: "percent" }),
    countries_list: z.string().trim().max(200, { error: "too_long" }).default(""),
    ...zoneFields,
  })
  .transform((form, ctx): ShippingRate[] => {
    const f = form as Record<string, string> & { currency: Currency };
    const insurancePpm = Math.round(Number(f.insurance) * 10_000);
    const countries = (f.countries_list ?? "")
      .toUpperCase()
      .split(/[\s,]+/)
      .filter(Boolean);
    const bad = countries.find((c) => !isShipCountry(c));
    if (bad) ctx.addIssue({ code: "custom", path: ["countries_list"], message: "country" });
    const out: ShippingRate[] = [];
    for (const zone of FORM_ZONES) {
      const method = f[`${zone}_mode`];
      if (method === "off") continue;
      if (zone === "countries" && countries.length === 0)
        ctx.addIssue({ code: "custom", path: ["countries_list"], message: "required" });
      const needed = method === "flat" ? (["flat"] as const) : (["small", "medium", "large"] as const);
      const amounts = { flat: 0, small: 0, medium: 0, large: 0 };
      for (const field of needed) {
        const parsed = parseMajorAmount(f[`${zone}_${field}`] ?? "", f.currency);
        if (parsed === null) ctx.addIssue({ code: "custom", path: [`${zone}_${field}`], message: "amount" });
        else amounts[field] = parsed;
      }
      out.push({
        zone,
        countries: zone === "countries" ? countries : [],
        method: method as "flat" | "size_band",
        currency: f.currency,
        flatAmount: amounts.flat,
        smallAmount: amounts.small,
        mediumAmount: amounts.medium,
        largeAmount: amounts.large,
        insurancePpm,
      });
    }
    return out;
  });
