"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { saveAddressAction } from "@/app/_actions/addresses";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SHIP_COUNTRIES } from "@/lib/commerce/address";
import type { AddressView } from "@/lib/commerce/shipping-store";

type Field = "name" | "line1" | "line2" | "city" | "region" | "postalCode" | "phone";
const FIELDS: { name: Field; autoComplete: string; optional?: boolean }[] = [
  { name: "name", autoComplete: "shipping name" },
  { name: "line1", autoComplete: "shipping address-line1" },
  { name: "line2", autoComplete: "shipping address-line2", optional: true },
  { name: "city", autoComplete: "shipping address-level2" },
  { name: "region", autoComplete: "shipping address-level1" },
  { name: "postalCode", autoComplete: "shipping postal-code" },
  { name: "phone", autoComplete: "shipping tel" },
];

/**
 * The shipping address for artworks. Saved in the account and chosen for this checkout by the action;
 * the server checks each field per country and its messages land beside the fields they are about.
 * `initial` pre-fills it from the buyer's last address.
 */
export function AddressForm({ initial, defaultCountry }: { initial: AddressView | null; defaultCountry: string }) {
  const t = useTranslations("address");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, action] = useActionState(saveAddressAction, null);
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = [...SHIP_COUNTRIES].sort((a, b) => (names.of(a) ?? a).localeCompare(names.of(b) ?? b, locale));
  const value = (f: Field | "country") => state?.values?.[f] ?? initial?.[f] ?? "";
  const error = (f: Field | "country") => {
    const key = state?.fieldErrors?.[f];
    return key ? t(`errors.${key}` as "errors.required") : undefined;
  };
  return (
    <form action={action} noValidate className="space-y-3" aria-labelledby="shipping-address">
      {state?.error && (
        <FormMessage tone="error" boxed>
          {state.error === "invalid_input"
            ? t("errors.invalid_input")
            : tAll(state.error as "address.errors.unexpected")}
        </FormMessage>
      )}
      <LabelledField id="address-country" label={t("country")} error={error("country")}>
        {(p) => (
          <Select
            {...p}
            name="country"
            autoComplete="shipping country"
            defaultValue={value("country") || defaultCountry}
          >
            {countries.map((c) => (
              <option key={c} value={c}>
                {names.of(c)}
              </option>
            ))}
          </Select>
        )}
      </LabelledField>
      {FIELDS.map((f) => (
        <LabelledField
          key={f.name}
          id={`address-${f.name}`}
          label={f.optional ? t("optional", { label: t(f.name) }) : t(f.name)}
          hint={f.name === "region" ? t("regionHint") : f.name === "phone" ? t("phoneHint") : undefined}
          error={error(f.name)}
        >
          {(p) => (
            <Input
              {...p}
              name={f.name}
              autoComplete={f.autoComplete}
              type={f.name === "phone" ? "tel" : "text"}
              defaultValue={value(f.name)}
            />
          )}
        </LabelledField>
      ))}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
