"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { addAddressAction, saveAddressAction, updateAddressAction } from "@/app/_actions/addresses";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { SHIP_COUNTRIES } from "@/lib/commerce/address";
import type { AddressView } from "@/lib/commerce/shipping-store";
import { messageKey } from "@/components/commerce/message-key";

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
 * What the form is for: at checkout the address is saved and chosen for this order ("Ship here"); in
 * the account's address book it is added or, with the address's id, edited, and may become the default.
 */
const MODES = { checkout: saveAddressAction, add: addAddressAction, edit: updateAddressAction } as const;
export type AddressFormMode = keyof typeof MODES;

/**
 * A shipping address. The server checks each field per country (one schema, lib/commerce/address.ts,
 * for checkout and the address book) and its messages land beside the fields they are about.
 * `initial` pre-fills it (the address being edited); `labelledBy` names the form by its heading.
 */
export function AddressForm({
  initial,
  defaultCountry,
  mode = "checkout",
  labelledBy = "shipping-address",
}: {
  initial: (AddressView & { isDefault?: boolean }) | null;
  defaultCountry: string;
  mode?: AddressFormMode;
  labelledBy?: string;
}) {
  const t = useTranslations("address");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, action] = useActionState(MODES[mode], null);
  const names = new Intl.DisplayNames([locale], { type: "region" });
  const countries = [...SHIP_COUNTRIES].sort((a, b) => (names.of(a) ?? a).localeCompare(names.of(b) ?? b, locale));
  const value = (f: Field | "country") => state?.values?.[f] ?? initial?.[f] ?? "";
  const error = (f: Field | "country") => {
    const key = state?.fieldErrors?.[f];
    return key ? t(`errors.${key}` as "errors.required") : undefined;
  };
  return (
    <form action={action} noValidate className="space-y-3" aria-labelledby={labelledBy}>
      {mode === "edit" && initial && <input type="hidden" name="addressId" value={initial.id} />}
      {state?.error && (
        <FormMessage tone="error" boxed>
          {state.error === "invalid_input"
            ? t("errors.invalid_input")
            : tAll(messageKey(state.error) as "address.errors.unexpected")}
        </FormMessage>
      )}
      <LabelledField id="address-country" label={t("country")} error={error("country")}>
        {(p) => (
          <Select
            {...p}
            // React 19 resets a form after its action; a select then returns to the option chosen when it
            // mounted (React does not move `defaultValue` later), which silently switched the country back
            // to the default after an error. A new key mounts it again with the country sent.
            key={value("country") || defaultCountry}
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
      {mode !== "checkout" && !initial?.isDefault && (
        <div className="flex items-center gap-2">
          <input
            id="address-makeDefault"
            name="makeDefault"
            type="checkbox"
            defaultChecked={state?.values?.makeDefault === "on"}
            className="h-4 w-4"
          />
          <label htmlFor="address-makeDefault" className="text-sm">
            {t("makeDefault")}
          </label>
        </div>
      )}
      <SubmitButton pendingLabel={t("saving")}>{mode === "checkout" ? t("save") : t("saveToBook")}</SubmitButton>
    </form>
  );
}
