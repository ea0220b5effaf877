"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveShippingRatesAction } from "@/app/_actions/shipping-rates";
import { FormMessage } from "@/components/ui/form-message";
import { Input, Select } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { AMOUNT_FIELDS, FORM_ZONES } from "@/lib/commerce/shipping-rates-form";
import { CURRENCIES } from "@/lib/money";

/** The form's starting values (major units as text), keyed like its fields: `domestic_mode`, `region_flat` … */
export type RatesFormValues = Record<string, string>;

/**
 * A creator's shipping rates: one row per destination zone, off, flat per parcel or by size band per
 * piece, plus the insurance share added for originals. The whole set is saved at once.
 */
export function ShippingRatesForm({ initial }: { initial: RatesFormValues }) {
  const t = useTranslations("shippingRates");
  const tAll = useTranslations();
  const [state, action] = useActionState(saveShippingRatesAction, null);
  const value = (k: string) => state?.values?.[k] ?? initial[k] ?? "";
  const error = (k: string) => {
    const key = state?.fieldErrors?.[k];
    return key ? t(`errors.${key}` as "errors.amount") : undefined;
  };
  return (
    <form action={action} noValidate className="space-y-6">
      {state?.ok && <FormMessage tone="success">{t("saved")}</FormMessage>}
      {state?.error && (
        <FormMessage tone="error" boxed>
          {state.error === "invalid_input"
            ? t("errors.invalid_input")
            : tAll(`errors.${state.error}` as "errors.forbidden")}
        </FormMessage>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <LabelledField id="rates-currency" label={t("currency")} hint={t("currencyHint")} error={error("currency")}>
          {(p) => (
            <Select {...p} name="currency" defaultValue={value("currency") || "USD"}>
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          )}
        </LabelledField>
        <LabelledField id="rates-insurance" label={t("insurance")} hint={t("insuranceHint")} error={error("insurance")}>
          {(p) => <Input {...p} name="insurance" inputMode="decimal" defaultValue={value("insurance") || "0"} />}
        </LabelledField>
      </div>
      {FORM_ZONES.map((zone) => (
        <fieldset key={zone} className="space-y-3 rounded-lg border border-line bg-white p-4">
          <legend className="px-1 font-medium">{t(`zones.${zone}`)}</legend>
          <p className="text-sm text-muted">{t(`zoneHints.${zone}`)}</p>
          {zone === "countries" && (
            <LabelledField
              id="rates-countries"
              label={t("countryList")}
              hint={t("countryListHint")}
              error={error("countries_list")}
            >
              {(p) => <Input {...p} name="countries_list" defaultValue={value("countries_list")} />}
            </LabelledField>
          )}
          <LabelledField id={`rates-${zone}-mode`} label={t("method")} error={error(`${zone}_mode`)}>
            {(p) => (
              <Select {...p} name={`${zone}_mode`} defaultValue={value(`${zone}_mode`) || "off"}>
                <option value="off">{t("methods.off")}</option>
                <option value="flat">{t("methods.flat")}</option>
                <option value="size_band">{t("methods.size_band")}</option>
              </Select>
            )}
          </LabelledField>
          <div className="grid gap-3 sm:grid-cols-4">
            {AMOUNT_FIELDS.map((f) => (
              <LabelledField key={f} id={`rates-${zone}-${f}`} label={t(`amounts.${f}`)} error={error(`${zone}_${f}`)}>
                {(p) => <Input {...p} name={`${zone}_${f}`} inputMode="decimal" defaultValue={value(`${zone}_${f}`)} />}
              </LabelledField>
            ))}
          </div>
        </fieldset>
      ))}
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
