import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ExperimentCumulativeChart, type CumulativePoint } from "@/components/charts/experiment-cumulative";
import { ExperimentUpliftChart, type UpliftRow } from "@/components/charts/experiment-uplift";
import { AnalysisPanel, BanditPosteriors, RecommendationBox } from "@/components/campaign/analysis-panel";
import { BudgetProposalTable } from "@/components/campaign/budget-proposal";
import { ResultsTable } from "@/components/campaign/results-table";
import { WeightHistory } from "@/components/campaign/weight-history";
import { getDb } from "@/db/client";
import { displayPercents } from "@/lib/experiments/bandit";
import { SRM_THRESHOLD } from "@/lib/experiments/results";
import { getBudgetProposal } from "@/lib/experiments/store/budget-proposal";
import { listWeightHistory } from "@/lib/experiments/store/history";
import { getExperimentResults } from "@/lib/experiments/store/results";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("results", { index: false });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

export default async function ResultsPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole(["marketer", "admin"], `/studio/campaigns/${encodeURIComponent(id)}/results`);
  const query = await searchParams;
  const version = /^\d{1,6}$/.test(query.version ?? "") ? Number(query.version) : undefined;
  const db = await getDb();
  const results = await getExperimentResults(db, { campaignId: id, bucketVersion: version });
  if (!results) notFound();
  const [t, format, budget, history] = await Promise.all([
    getTranslations("results"),
    getFormatter(),
    getBudgetProposal(db, id),
    listWeightHistory(db, results.experiment.id),
  ]);

  const cumulative: CumulativePoint[] = results.daily.map((d) => {
    const point: CumulativePoint = { day: d.day };
    d.arms.forEach((a, i) => (point[results.arms[i]?.key ?? String(i)] = a.cumRate));
    return point;
  });
  const uplift: UpliftRow[] = results.arms.flatMap((a) =>
    a.vsControl && !a.vsControl.conversionDegenerate
      ? [
          {
            name: a.name,
            kind: results.experiment.sequential ? t("sequentialShort") : t("frequentist"),
            expected: a.vsControl.conversionRelative.expected,
            interval: a.vsControl.conversionRelative.ci,
          },
          {
            name: a.name,
            kind: t("bayesian"),
            expected: a.vsControl.conversionBayes.expected,
            interval: a.vsControl.conversionBayes.ci,
          },
        ]
      : [],
  );
  const exportBase = `/studio/campaigns/${results.campaign.id}/results/export?version=${results.experiment.bucketVersion}`;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-muted">
            <Link href={`/studio/campaigns/${results.campaign.id}`} className="hover:text-accent">
              {results.campaign.name}
            </Link>
          </p>
          <h1 className="font-serif text-3xl">
            {t("title")}
            {results.experiment.aa && (
              <span data-aa className="ml-3 rounded-full border border-ink px-2 py-0.5 align-middle font-sans text-sm">
                {t("analysis.aaBadge")}
              </span>
            )}
          </h1>
          <p className="mt-1 text-sm text-muted">
            {t("subtitle", {
              mode: results.experiment.mode,
              version: results.experiment.bucketVersion,
              days: results.windowDays,
            })}
          </p>
          {results.experiment.aa && <p className="mt-1 max-w-2xl text-sm">{t("analysis.aaExplain")}</p>}
        </div>
        <div className="space-y-1 text-right text-sm">
          <a href={`${exportBase}&kind=summary`} className="block hover:text-accent" download>
            {t("exportSummary")}
          </a>
          <a href={`${exportBase}&kind=daily`} className="block hover:text-accent" download>
            {t("exportDaily")}
          </a>
        </div>
      </div>

      {results.experiment.versions.length > 1 && (
        <nav aria-label={t("phases")} className="flex flex-wrap gap-2 text-sm">
          {results.experiment.versions.map((v) => (
            <Link
              key={v}
              href={`/studio/campaigns/${results.campaign.id}/results?version=${v}`}
              aria-current={v === results.experiment.bucketVersion ? "page" : undefined}
              className="rounded-full border border-line px-3 py-1 aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-paper"
            >
              {t("phase", { version: v, current: v === results.experiment.currentVersion ? "yes" : "no" })}
            </Link>
          ))}
        </nav>
      )}

      {results.srm.warning ? (
        <div role="alert" className="rounded-lg border border-accent bg-accent/5 p-4 text-accent-dark">
          <p className="font-medium">
            {t("srmWarning", {
              p: format.number(results.srm.pValue, { maximumSignificantDigits: 2 }),
              threshold: SRM_THRESHOLD,
            })}
          </p>
          <p className="mt-1 text-sm">
            {t("srmDetail", {
              observed: results.srm.observed.map((n) => format.number(n)).join(" / "),
              expected: results.srm.expected.map((n) => format.number(n, { maximumFractionDigits: 1 })).join(" / "),
            })}
          </p>
        </div>
      ) : (
        <p className="text-sm text-muted">
          {t("srmOk", { p: format.number(results.srm.pValue, { maximumSignificantDigits: 2 }) })}
        </p>
      )}

      <RecommendationBox results={results} />

      <AnalysisPanel results={results} />

      <ResultsTable results={results} />

      {results.experiment.mode === "bandit" && (
        <BanditPosteriors
          results={results}
          weights={displayPercents(results.arms.map((a) => a.weight)).map((x) =>
            format.number(x / 100, { style: "percent", maximumFractionDigits: 1 }),
          )}
        />
      )}

      <section aria-labelledby="charts-title" className="grid gap-8 lg:grid-cols-2">
        <h2 id="charts-title" className="sr-only">
          {t("charts")}
        </h2>
        <div>
          <h3 className="font-serif text-xl">{t("cumulativeTitle")}</h3>
          {cumulative.length === 0 ? (
            <p className="text-sm text-muted">{t("noData")}</p>
          ) : (
            <ExperimentCumulativeChart
              data={cumulative}
              variants={results.arms.map((a) => ({ key: a.key, name: a.name }))}
              label={t("cumulativeTitle")}
            />
          )}
        </div>
        <div>
          <h3 className="font-serif text-xl">{t("upliftTitle")}</h3>
          {uplift.length === 0 ? (
            <p className="text-sm text-muted">{t("noData")}</p>
          ) : (
            <ExperimentUpliftChart rows={uplift} label={t("upliftTitle")} />
          )}
        </div>
      </section>

      {budget && budget.channels.length > 0 && <BudgetProposalTable proposal={budget} />}
      {history.length > 0 && <WeightHistory history={history} variantNames={results.arms.map((a) => a.name)} />}
    </div>
  );
}
