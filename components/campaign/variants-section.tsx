"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { CampaignContent, VariantContent } from "@/db/schema";
import type { ExperimentRows as Experiment } from "@/lib/campaigns/form-shape";
import { estimatedDays, visitorsPerVariant } from "@/lib/experiments/power";
import { Input, Select } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { emptyVariantCopy } from "@/lib/campaigns/blank";
import { Field, RowButton, Section } from "./form-parts";
import { VariantCopyFields, type CopyField, type CopyLanguage } from "./variant-copy-fields";

/** What the form may still change: a running experiment keeps its split, a launched one its analysis. */
export type ExperimentLocks = { running: boolean; launched: boolean };
/** Recent landing traffic for the run-time estimate (all experiments, last 14 days). */
export type RecentTraffic = { dailyVisitors: number; baselineRate: number | null };

/** Variants of the landing page, their weights (percent, summing to 100), coverage and mode. */
export function VariantsSection({
  experiment,
  errors,
  update,
  locks,
  traffic,
  content,
}: {
  experiment: Experiment;
  errors: Record<string, string>;
  update: (fn: (e: Experiment) => void) => void;
  locks: ExperimentLocks;
  traffic: RecentTraffic;
  content: CampaignContent;
}) {
  const t = useTranslations("campaigns.form");
  const total = experiment.variants.reduce((s, v) => s + (Number(v.weight) || 0), 0);
  // A running experiment keeps its mode, split and number of variants (the store refuses the change);
  // the controls say so instead of letting the marketer find out on save.
  const splitLocked = locks.running;
  const analysisLocked = locks.launched;
  const aaLocked = experiment.aa;
  return (
    <Section title={t("experiment")} error={errors["experiment.variants"]}>
      <fieldset>
        <legend className="text-sm font-medium">{t("mode")}</legend>
        <div className="mt-1 flex gap-4">
          {(["fixed", "bandit"] as const).map((m) => {
            const disabled = (splitLocked && experiment.mode !== m) || (m === "bandit" && experiment.aa);
            return (
              <label key={m} className={`flex items-center gap-1 text-sm ${disabled ? "text-muted" : ""}`}>
                <input
                  type="radio"
                  name="mode-choice"
                  value={m}
                  disabled={disabled}
                  checked={experiment.mode === m}
                  onChange={() => update((e) => void (e.mode = m))}
                />
                {t(`modeChoice.${m}`)}
              </label>
            );
          })}
        </div>
        {splitLocked && (
          <p className="mt-1 text-xs text-accent-dark" data-locked-reason="mode">
            {t("lockedRunning")}
          </p>
        )}
        {!splitLocked && experiment.aa && <p className="mt-1 text-xs text-muted">{t("aaFixedOnly")}</p>}
        <p className="mt-1 text-xs text-muted">{t("modeHint")}</p>
      </fieldset>
      <AnalysisFields
        experiment={experiment}
        errors={errors}
        update={update}
        locked={analysisLocked}
        traffic={traffic}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="coverage"
          label={t("coverage")}
          error={errors["experiment.coverage"]}
          hint={splitLocked ? t("lockedRunning") : t("coverageHint")}
        >
          {(p) => (
            <Input
              {...p}
              inputMode="decimal"
              readOnly={splitLocked}
              value={experiment.coverage}
              onChange={(ev) => update((e) => void (e.coverage = ev.target.value))}
            />
          )}
        </Field>
        <Field id="cadence" label={t("cadence")} error={errors["experiment.cadenceMinutes"]} hint={t("cadenceHint")}>
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              value={experiment.cadenceMinutes}
              onChange={(ev) => update((e) => void (e.cadenceMinutes = ev.target.value))}
            />
          )}
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
              {(p) => (
                <Input
                  {...p}
                  value={v.key}
                  onChange={(ev) => update((e) => void (e.variants[i]!.key = ev.target.value))}
                />
              )}
            </Field>
            <Field id={`variant-${i}-name`} label={t("variantName")} error={errors[`experiment.variants.${i}.name`]}>
              {(p) => (
                <Input
                  {...p}
                  value={v.name}
                  onChange={(ev) => update((e) => void (e.variants[i]!.name = ev.target.value))}
                />
              )}
            </Field>
            <Field
              id={`variant-${i}-weight`}
              label={t("weight")}
              error={errors[`experiment.variants.${i}.weight`]}
              hint={splitLocked ? t("lockedRunning") : undefined}
            >
              {(p) => (
                <Input
                  {...p}
                  inputMode="decimal"
                  readOnly={splitLocked}
                  value={v.weight}
                  onChange={(ev) => update((e) => void (e.variants[i]!.weight = ev.target.value))}
                />
              )}
            </Field>
          </div>
          <VariantCopyFields
            index={i}
            content={v.content}
            contentZh={v.contentZh ?? emptyVariantCopy()}
            errors={errors}
            readOnly={aaLocked && i > 0}
            onChange={(language, f, value) => update((e) => void setContent(e, i, language, f, value))}
          />
          {aaLocked && i > 0 && <p className="text-xs text-muted">{t("aaCopyHint")}</p>}
          <VariantPreview content={content} variant={v.content} name={v.name} />
          {i > 0 && !splitLocked && (
            <RowButton onClick={() => update((e) => void e.variants.splice(i, 1))}>{t("removeVariant")}</RowButton>
          )}
        </div>
      ))}
      {splitLocked && <p className="text-xs text-muted">{t("lockedRunning")}</p>}
      {experiment.variants.length < 5 && !splitLocked && (
        <RowButton
          onClick={() =>
            update(
              (e) =>
                void e.variants.push({
                  key: `variant-${e.variants.length}`,
                  name: "",
                  weight: "0",
                  content: emptyVariantCopy(),
                  contentZh: emptyVariantCopy(),
                }),
            )
          }
        >
          {t("addVariant")}
        </RowButton>
      )}
      <p className="text-xs text-muted">{t("contentHint")}</p>
    </Section>
  );
}

/** In an A/A test every variant is a copy of the control: edits to the control are copied to the others. */
function setContent(e: Experiment, i: number, language: CopyLanguage, f: CopyField, value: string) {
  const copyOf = (v: Experiment["variants"][number]) =>
    language === "zh" ? (v.contentZh ??= emptyVariantCopy()) : v.content;
  copyOf(e.variants[i]!)[f] = value;
  if (e.aa && i === 0) for (const v of e.variants.slice(1)) copyOf(v)[f] = value;
}

/** Test, metric, A/A mode and the sample-size plan (visitors per variant and run time). */
function AnalysisFields({
  experiment,
  errors,
  update,
  locked,
  traffic,
}: {
  experiment: Experiment;
  errors: Record<string, string>;
  update: (fn: (e: Experiment) => void) => void;
  locked: boolean;
  traffic: RecentTraffic;
}) {
  const t = useTranslations("campaigns.form");
  const [baseline, setBaseline] = useState(String(Math.round((traffic.baselineRate ?? 0.03) * 10000) / 100));
  const comparisons = Math.max(1, experiment.variants.length - 1) * 3;
  const tuning = Number(experiment.sequentialTuning);
  const perVariant = visitorsPerVariant({
    baselineRate: Number(baseline) / 100,
    mde: Number(experiment.minDetectableEffect) / 100,
    // Holm's first step: the primary comparison must pass alpha / (metrics x variants), as on the results page.
    alpha: 0.05 / comparisons,
    power: 0.8,
    sequentialTuning: experiment.sequential ? (Number.isFinite(tuning) && tuning >= 100 ? tuning : 5000) : undefined,
  });
  const weights = experiment.variants.map((v) => Number(v.weight) || 0);
  const days =
    perVariant === null
      ? null
      : estimatedDays(perVariant, traffic.dailyVisitors, weights, (Number(experiment.coverage) || 100) / 100);
  const lockHint = locked ? t("lockedAnalysis") : undefined;
  return (
    <fieldset className="space-y-3 rounded border border-line p-3">
      <legend className="px-1 text-sm font-medium">{t("analysis")}</legend>
      <label className={`flex items-center gap-2 text-sm ${locked ? "text-muted" : ""}`}>
        <input
          type="checkbox"
          id="sequential"
          disabled={locked}
          checked={experiment.sequential}
          onChange={(ev) => update((e) => void (e.sequential = ev.target.checked))}
        />
        {t("sequential")}
      </label>
      <p className="text-xs text-muted">{experiment.sequential ? t("sequentialHint") : t("fixedHint")}</p>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id="sequential-tuning"
          label={t("sequentialTuning")}
          error={errors["experiment.sequentialTuning"]}
          hint={lockHint ?? t("tuningHint")}
        >
          {(p) => (
            <Input
              {...p}
              inputMode="numeric"
              readOnly={locked || !experiment.sequential}
              value={experiment.sequentialTuning}
              onChange={(ev) => update((e) => void (e.sequentialTuning = ev.target.value))}
            />
          )}
        </Field>
        <Field
          id="primary-metric"
          label={t("primaryMetric")}
          error={errors["experiment.primaryMetric"]}
          hint={lockHint ?? t("primaryHint")}
        >
          {(p) => (
            <Select
              {...p}
              disabled={locked}
              value={experiment.primaryMetric}
              onChange={(ev) =>
                update((e) => void (e.primaryMetric = ev.target.value === "revenue" ? "revenue" : "conversion"))
              }
            >
              <option value="conversion">{t("primaryChoice.conversion")}</option>
              <option value="revenue">{t("primaryChoice.revenue")}</option>
            </Select>
          )}
        </Field>
        <Field id="mde" label={t("mde")} error={errors["experiment.minDetectableEffect"]} hint={t("mdeHint")}>
          {(p) => (
            <Input
              {...p}
              inputMode="decimal"
              value={experiment.minDetectableEffect}
              onChange={(ev) => update((e) => void (e.minDetectableEffect = ev.target.value))}
            />
          )}
        </Field>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="baseline" label={t("baseline")} hint={t("baselineHint")}>
          {(p) => <Input {...p} inputMode="decimal" value={baseline} onChange={(ev) => setBaseline(ev.target.value)} />}
        </Field>
        <div className="text-sm sm:col-span-2" aria-live="polite" data-plan-form>
          {perVariant === null ? (
            <p className="text-muted">{t("planUnavailable")}</p>
          ) : (
            <>
              <p className="font-medium" data-per-variant={perVariant}>
                {t("planVisitors", { n: perVariant, test: experiment.sequential ? "sequential" : "fixed" })}
              </p>
              <p className="text-muted">
                {days === null ? t("planNoTraffic") : t("planDays", { days, daily: Math.round(traffic.dailyVisitors) })}
              </p>
            </>
          )}
        </div>
      </div>
      <label className={`flex items-center gap-2 text-sm ${locked ? "text-muted" : ""}`}>
        <input
          type="checkbox"
          id="aa"
          disabled={locked}
          checked={experiment.aa}
          onChange={(ev) =>
            update((e) => {
              e.aa = ev.target.checked;
              if (e.aa) {
                // Same page in every arm, fixed split: the only difference left is the assignment itself.
                e.mode = "fixed";
                const control = e.variants[0];
                if (control)
                  for (const v of e.variants.slice(1)) {
                    v.content = { ...control.content };
                    v.contentZh = { ...(control.contentZh ?? emptyVariantCopy()) };
                  }
              }
            })
          }
        />
        {t("aaMode")}
      </label>
      <p className="text-xs text-muted">{t("aaHint")}</p>
      {locked && (
        <p className="text-xs text-accent-dark" data-locked-reason="analysis">
          {t("lockedAnalysis")}
        </p>
      )}
      {errors["experiment.aa"] && (
        <FormMessage tone="error">
          <AaError code={errors["experiment.aa"]} />
        </FormMessage>
      )}
    </fieldset>
  );
}

function AaError({ code }: { code: string }) {
  const te = useTranslations("campaigns.errors");
  return <>{te(code)}</>;
}

/** A small live rendering of the variant's landing hero: its copy where set, the campaign's otherwise. */
function VariantPreview({
  content,
  variant,
  name,
}: {
  content: CampaignContent;
  variant: VariantContent;
  name: string;
}) {
  const t = useTranslations("campaigns.form");
  const tl = useTranslations("landing");
  const headline = variant.headline || content.heroTitle;
  const heroText = variant.heroText || content.heroText;
  return (
    <figure
      className="rounded border border-dashed border-line bg-paper p-4"
      aria-label={t("previewOf", { name: name || "…" })}
      data-variant-preview
    >
      <figcaption className="text-xs tracking-wide text-muted uppercase">
        {t("previewOf", { name: name || "…" })}
      </figcaption>
      {variant.offer && (
        <span className="mt-2 inline-block rounded-full bg-accent px-2 py-0.5 text-xs text-white">{variant.offer}</span>
      )}
      <p className="mt-2 font-serif text-2xl" data-preview-headline>
        {headline || t("previewEmpty")}
      </p>
      {heroText && <p className="mt-1 text-sm text-muted">{heroText}</p>}
      {variant.body && <p className="mt-2 text-sm">{variant.body}</p>}
      <span className="mt-3 inline-block rounded-full bg-ink px-4 py-1.5 text-sm text-paper">
        {variant.cta || tl("cta")}
      </span>
    </figure>
  );
}
