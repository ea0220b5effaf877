import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { intlLocale, type Locale } from "@/i18n/locales";
import { MIN_CONVERSIONS_PER_ARM, MIN_VISITORS_PER_ARM } from "@/lib/experiments/analysis";
import type { ExperimentResults } from "@/lib/experiments/results";
import { formatMoney } from "@/lib/money";

/** The recommendation (withheld under SRM, too little data or a failing guardrail), shown first. */
export async function RecommendationBox({ results }: { results: ExperimentResults }) {
  const t = await getTranslations("results.analysis");
  const r = results.analysis.recommendation;
  const name = (v: number) => results.arms[v]?.name ?? `#${v}`;
  const good = r.kind === "winner" || r.kind === "aa_passed";
  return (
    <section
      aria-labelledby="recommendation-title"
      data-recommendation={r.kind}
      className={`rounded-lg border p-4 ${good ? "border-moss/50 bg-white" : "border-accent bg-accent/5 text-accent-dark"}`}
    >
      <h2 id="recommendation-title" className="font-serif text-xl">
        {t("recommendationTitle")}
      </h2>
      {r.kind === "winner" && (
        <p className="mt-1 font-medium">
          {t("winner", { name: name(r.variant), metric: t(`metric.${results.analysis.primaryMetric}`) })}
        </p>
      )}
      {r.kind === "aa_passed" && <p className="mt-1">{t("aaPassed")}</p>}
      {(r.kind === "withheld" || r.kind === "aa_failed") && (
        <>
          <p className="mt-1 font-medium">{r.kind === "withheld" ? t("withheld") : t("aaFailed")}</p>
          <ul className="mt-1 list-disc pl-5 text-sm">
            {r.kind === "withheld"
              ? r.reasons.map((reason) => (
                  <li key={reason} data-reason={reason}>
                    {t(`reason.${reason}`, { visitors: MIN_VISITORS_PER_ARM, conversions: MIN_CONVERSIONS_PER_ARM })}
                  </li>
                ))
              : r.reasons.map((reason) => (
                  <li key={reason} data-reason={reason}>
                    {t(`aaReason.${reason}`)}
                  </li>
                ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Which test is in use and why, the sample-size plan, and the primary metric with its guardrails. */
export async function AnalysisPanel({ results }: { results: ExperimentResults }) {
  const [t, format, locale] = await Promise.all([getTranslations("results.analysis"), getFormatter(), getLocale()]);
  const a = results.analysis;
  const pct = (x: number, signed = false) =>
    `${signed && x > 0 ? "+" : ""}${format.number(x, { style: "percent", maximumFractionDigits: 1 })}`;
  const pValue = (p: number) => (p < 0.001 ? "< 0.001" : format.number(p, { maximumSignificantDigits: 2 }));
  const alpha = pct(a.test.alpha);
  const effect = (relative: boolean, x: number) =>
    relative
      ? pct(x, true)
      : t("points", { value: format.number(x * 100, { maximumFractionDigits: 2, signDisplay: "exceptZero" }) });
  const firstVariant = a.comparisons.find((c) => c.variant === 1 || c.variant > 0)?.variant;
  const reduction = (metric: "conversion" | "revenue") =>
    a.comparisons.find((c) => c.variant === firstVariant && c.metric === metric)?.varianceReduction ?? 0;

  return (
    <section aria-labelledby="analysis-title" className="space-y-3">
      <h2 id="analysis-title" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <p data-test-kind={a.test.kind} className="text-sm">
        {a.test.kind === "sequential"
          ? t("testSequential", { tuning: format.number(a.test.tuning), alpha })
          : t("testFixed", { alpha })}
      </p>
      <div className="text-sm" data-plan>
        {a.plan.perVariant === null || a.plan.baselineRate === null ? (
          <p>{t("planUnknown")}</p>
        ) : (
          <>
            <p>
              {t("plan", {
                perVariant: format.number(a.plan.perVariant),
                mde: pct(a.plan.mde),
                baseline: pct(a.plan.baselineRate),
                alpha: format.number(a.test.alpha / a.correction.family, { maximumSignificantDigits: 2 }),
                family: a.correction.family,
                test: a.test.kind,
              })}
            </p>
            <div className="mt-1 flex items-center gap-3">
              <progress className="h-2 w-48" max={1} value={a.plan.progress ?? 0} aria-label={t("progressLabel")} />
              <span data-progress={Math.round((a.plan.progress ?? 0) * 100)}>
                {t("progress", { n: format.number(a.plan.smallestArm), progress: pct(a.plan.progress ?? 0) })}
              </span>
            </div>
          </>
        )}
      </div>

      <h3 id="metrics-title" className="pt-2 font-serif text-xl">
        {t("metricsTitle")}
      </h3>
      <DataTable
        labelledBy="metrics-title"
        className="min-w-[48rem] [&_td]:px-2 [&_th]:px-2"
        columns={[
          { label: t("col.metric"), className: "py-2" },
          { label: t("col.variant") },
          { label: t("col.effect") },
          { label: t("col.p"), numeric: true },
          { label: t("col.pAdjusted"), numeric: true },
          { label: t("col.cuped"), numeric: true },
          { label: t("col.verdict") },
        ]}
      >
        {a.comparisons.map((c) => (
          <DataRow
            key={`${c.metric}-${c.variant}`}
            data-metric-row={c.metric}
            data-variant={results.arms[c.variant]?.key}
            data-verdict={c.verdict}
          >
            <th scope="row" className="py-2 text-left font-medium">
              {t(`metric.${c.metric}`)} <span className="text-xs font-normal text-muted">({t(`role.${c.role}`)})</span>
            </th>
            <td>{results.arms[c.variant]?.name}</td>
            <td className="tabular-nums">
              {effect(c.relative, c.result.expected)}
              <div className="text-xs text-muted">
                {effect(c.relative, c.result.ci[0])} … {effect(c.relative, c.result.ci[1])}
              </div>
            </td>
            <td className="text-right tabular-nums">{pValue(c.result.pValue)}</td>
            <td className="text-right tabular-nums">{pValue(c.adjustedP)}</td>
            <td className="text-right tabular-nums">{c.metric === "refunds" ? "–" : pct(c.varianceReduction)}</td>
            <td
              className={
                c.verdict === "worse" ? "text-accent-dark" : c.verdict === "better" ? "text-moss" : "text-muted"
              }
            >
              {t(`verdict.${c.verdict}`)}
            </td>
          </DataRow>
        ))}
      </DataTable>
      <p className="text-xs text-muted">{t("correction", { family: a.correction.family, alpha })}</p>
      {firstVariant !== undefined && (
        <p className="text-xs text-muted" data-cuped>
          {t("cupedSummary", {
            days: results.preExposureDays,
            conversion: pct(reduction("conversion")),
            revenue: pct(reduction("revenue")),
            variant: results.arms[firstVariant]?.name ?? "",
          })}
        </p>
      )}
      <p className="text-xs text-muted">
        {t("cap", {
          percentile: format.number(results.revenueCap.percentile * 100),
          cap: formatMoney(
            { amount: Math.round(results.revenueCap.cap), currency: results.campaign.currency },
            intlLocale(locale as Locale),
          ),
        })}
      </p>
      <p className="text-xs text-muted">{t("bounce")}</p>
    </section>
  );
}

/** Bandit arms: each arm's Beta posterior and its conversion counts next to the weight it has now. */
export async function BanditPosteriors({ results, weights }: { results: ExperimentResults; weights: string[] }) {
  const [t, format] = await Promise.all([getTranslations("results.posterior"), getFormatter()]);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="posterior-title">
      <h2 id="posterior-title" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("explain")}</p>
      <DataTable
        labelledBy="posterior-title"
        className="mt-3 [&_td]:px-2 [&_th]:px-2"
        columns={[
          { label: t("variant"), className: "py-2" },
          { label: t("weight"), numeric: true },
          { label: t("conversions"), numeric: true },
          { label: t("mean"), numeric: true },
          { label: t("interval"), numeric: true },
        ]}
      >
        {results.arms.map((arm, i) => (
          <DataRow key={arm.position} data-posterior-row={arm.key}>
            <th scope="row" className="py-2 text-left font-medium">
              {arm.name}
            </th>
            <td className="text-right tabular-nums">{weights[i]}</td>
            <td className="text-right tabular-nums">{`${format.number(arm.conversions)} / ${format.number(arm.visitors)}`}</td>
            <td className="text-right tabular-nums">{pct(arm.posterior.mean)}</td>
            <td className="text-right tabular-nums">{`${pct(arm.posterior.ci[0])} … ${pct(arm.posterior.ci[1])}`}</td>
          </DataRow>
        ))}
      </DataTable>
    </section>
  );
}
