"use client";

import { useTranslations } from "next-intl";
import type { VariantContent } from "@/db/schema";
import type { ExperimentRows as Experiment } from "@/lib/campaigns/form-shape";
import { Field, inputClass, RowButton, Section } from "./form-parts";


const EMPTY: VariantContent = { headline: "", heroText: "", body: "", offer: "", cta: "" };
const CONTENT_FIELDS = ["headline", "heroText", "body", "offer", "cta"] as const;

/** Variants of the landing page, their weights (percent, summing to 100), coverage and mode. */
export function VariantsSection({ experiment, errors, update }: { experiment: Experiment; errors: Record<string, string>; update: (fn: (e: Experiment) => void) => void }) {
  const t = useTranslations("campaigns.form");
  const total = experiment.variants.reduce((s, v) => s + (Number(v.weight) || 0), 0);
  return (
    <Section title={t("experiment")} error={errors["experiment.variants"]}>
      <fieldset>
        <legend className="text-sm font-medium">{t("mode")}</legend>
        <div className="mt-1 flex gap-4">
          {(["fixed", "bandit"] as const).map((m) => (
            <label key={m} className="flex items-center gap-1 text-sm">
              <input type="radio" name="mode-choice" checked={experiment.mode === m} onChange={() => update((e) => void (e.mode = m))} />
              {t(`modeChoice.${m}`)}
            </label>
          ))}
        </div>
        <p className="mt-1 text-xs text-muted">{t("modeHint")}</p>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="coverage" label={t("coverage")} error={errors["experiment.coverage"]} hint={t("coverageHint")}>
          {(p) => <input {...p} inputMode="decimal" className={inputClass} value={experiment.coverage} onChange={(ev) => update((e) => void (e.coverage = ev.target.value))} />}
        </Field>
        <Field id="cadence" label={t("cadence")} error={errors["experiment.cadenceMinutes"]} hint={t("cadenceHint")}>
          {(p) => <input {...p} inputMode="numeric" className={inputClass} value={experiment.cadenceMinutes} onChange={(ev) => update((e) => void (e.cadenceMinutes = ev.target.value))} />}
        </Field>
      </div>
      <p className={`text-sm ${Math.abs(total - 100) > 0.1 ? "text-accent-dark" : "text-muted"}`} aria-live="polite">
        {t("weightTotal", { total: Math.round(total * 100) / 100 })}
      </p>
      {experiment.variants.map((v, i) => (
        <div key={i} className="space-y-3 rounded border border-line p-3">
          <p className="text-sm font-medium">{i === 0 ? t("controlVariant") : t("variantN", { n: i })}</p>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field id={`variant-${i}-key`} label={t("variantKey")} error={errors[`experiment.variants.${i}.key`]}>
              {(p) => <input {...p} className={inputClass} value={v.key} onChange={(ev) => update((e) => void (e.variants[i]!.key = ev.target.value))} />}
            </Field>
            <Field id={`variant-${i}-name`} label={t("variantName")} error={errors[`experiment.variants.${i}.name`]}>
              {(p) => <input {...p} className={inputClass} value={v.name} onChange={(ev) => update((e) => void (e.variants[i]!.name = ev.target.value))} />}
            </Field>
            <Field id={`variant-${i}-weight`} label={t("weight")} error={errors[`experiment.variants.${i}.weight`]}>
              {(p) => <input {...p} inputMode="decimal" className={inputClass} value={v.weight} onChange={(ev) => update((e) => void (e.variants[i]!.weight = ev.target.value))} />}
            </Field>
          </div>
          <div className="grid gap-3 sm:grid-cols-2">
            {CONTENT_FIELDS.map((f) => (
              <Field key={f} id={`variant-${i}-${f}`} label={t(`variantField.${f}`)} error={errors[`experiment.variants.${i}.content.${f}`]}>
                {(p) =>
                  f === "body" || f === "heroText" ? (
                    <textarea {...p} rows={2} className={inputClass} value={v.content[f]} onChange={(ev) => update((e) => void (e.variants[i]!.content[f] = ev.target.value))} />
                  ) : (
                    <input {...p} className={inputClass} value={v.content[f]} onChange={(ev) => update((e) => void (e.variants[i]!.content[f] = ev.target.value))} />
                  )
                }
              </Field>
            ))}
          </div>
          {i > 0 && <RowButton onClick={() => update((e) => void e.variants.splice(i, 1))}>{t("removeVariant")}</RowButton>}
        </div>
      ))}
      {experiment.variants.length < 5 && (
        <RowButton onClick={() => update((e) => void e.variants.push({ key: `variant-${e.variants.length}`, name: "", weight: "0", content: { ...EMPTY } }))}>{t("addVariant")}</RowButton>
      )}
      <p className="text-xs text-muted">{t("contentHint")}</p>
    </Section>
  );
}
