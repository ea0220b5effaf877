/**
 * Shipping addresses: the fields a carrier needs and a basic per-country check, pure so the form, the
 * checkout and the tests agree. Postal codes are checked against the country's pattern where it is
 * well known; other countries are lenient (any short code, or none), because a wrong refusal loses a
 * sale while a carrier still corrects a slightly wrong code.
 */
import { z } from "zod";

/** ISO 3166-1 alpha-2 codes the address form offers, in the order of the demo shop's buyers. */
export const SHIP_COUNTRIES = [
  "US",
  "GB",
  "DE",
  "FR",
  "IT",
  "ES",
  "NL",
  "PT",
  "NO",
  "JP",
  "CN",
  "KR",
  "CA",
  "AU",
  "MX",
  "IN",
  "NG",
  "GH",
] as const;
export type ShipCountry = (typeof SHIP_COUNTRIES)[number];

/** Postal-code patterns (upper-cased input, inner spaces normalized) for the countries that publish a strict one. */
const POSTAL: Partial<Record<ShipCountry, RegExp>> = {
  US: /^\d{5}(-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  IT: /^\d{5}$/,
  ES: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/,
  PT: /^\d{4}-\d{3}$/,
  NO: /^\d{4}$/,
  JP: /^\d{3}-?\d{4}$/,
  CN: /^\d{6}$/,
  KR: /^\d{5}$/,
  CA: /^[A-Z]\d[A-Z] \d[A-Z]\d$/,
  AU: /^\d{4}$/,
  MX: /^\d{5}$/,
  IN: /^\d{6}$/,
};
/** Countries whose addresses need a postal code (most); Ghana and Nigeria are commonly written without. */
const POSTAL_OPTIONAL = new Set<string>(["NG", "GH"]);
/** Countries whose addresses name a state, province or prefecture carriers rely on. */
const REGION_REQUIRED = new Set<string>(["US", "CA", "AU", "CN", "JP", "MX", "IN"]);

/** "sw1a1aa" → "SW1A 1AA", "k1a0b1" → "K1A 0B1": the forms people type, in the form carriers print. */
export function normalizePostalCode(country: string, raw: string): string {
  const code = raw.trim().toUpperCase().replace(/\s+/g, " ");
  if ((country === "GB" || country === "CA") && !code.includes(" ") && code.length > 3)
    return `${code.slice(0, -3)} ${code.slice(-3)}`;
  return code;
}

export function isShipCountry(code: string): code is ShipCountry {
  return (SHIP_COUNTRIES as readonly string[]).includes(code);
}

const text = (max: number) => z.string({ error: "required" }).trim().max(max, { error: "too_long" });

/**
 * The address as a form sends it. Error messages are keys under `address.errors` in messages/*.json,
 * and each issue's path names the field, so the form shows the message beside it.
 */
export const addressSchema = z
  .object({
    name: text(120).min(1, { error: "required" }),
    line1: text(200).min(1, { error: "required" }),
    line2: text(200).default(""),
    city: text(120).min(1, { error: "required" }),
    region: text(120).default(""),
    postalCode: text(20).default(""),
    country: z
      .string({ error: "country" })
      .trim()
      .toUpperCase()
      .refine((c): boolean => isShipCountry(c), { error: "country" }),
    // Carriers call before delivering a valuable parcel: digits, spaces and + ( ) - only.
    phone: text(40).regex(/^\+?[\d\s().-]{6,}$/, { error: "phone" }),
  })
  .transform((a) => ({ ...a, postalCode: normalizePostalCode(a.country, a.postalCode) }))
  .superRefine((a, ctx) => {
    if (REGION_REQUIRED.has(a.country) && a.region === "")
      ctx.addIssue({ code: "custom", path: ["region"], message: "required" });
    const pattern = POSTAL[a.country as ShipCountry];
    if (a.postalCode === "") {
      if (!POSTAL_OPTIONAL.has(a.country)) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "required" });
    } else if (pattern ? !pattern.test(a.postalCode) : !/^[A-Z\d -]{2,12}$/.test(a.postalCode)) {
      ctx.addIssue({ code: "custom", path: ["postalCode"], message: "postal_code" });
    }
  });

export type AddressInput = z.input<typeof addressSchema>;
export type Address = z.output<typeof addressSchema>;
export type AddressField = keyof Address;

/** Field → error key for the first problem of each field, or null when the address is valid. */
export function addressErrors(input: unknown): Partial<Record<AddressField, string>> | null {
  const parsed = addressSchema.safeParse(input);
  if (parsed.success) return null;
  const out: Partial<Record<AddressField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = (issue.path[0] ?? "name") as AddressField;
    out[field] ??= issue.message;
  }
  return out;
}
