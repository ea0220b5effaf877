import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import {
  ClusterDomainChart,
  ClusterSizeChart,
  ClusterSpendChart,
  ClusterTrendChart,
} from "@/components/charts/cluster-charts";
import { RecomputePanel } from "@/components/reco/recompute-panel";
import { TuningCard } from "@/components/reco/tuning-card";
import { intlLocale, type Locale } from "@/i18n/locales";
import { currencyExponent, formatMoney } from "@/lib/money";
import { readRecoRefreshRun } from "@/lib/jobs/reco-refresh";
import { toRunView } from "@/lib/jobs/reco-refresh-view";
import { getClusterOverview } from "@/lib/reco/read";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";
import { SegmentCard } from "./segment-card";

export const generateMetadata = pageMetadata("clusters");

/**
 * Segments for marketers: the refresh's user clusters, named after what sets them apart, with how big
 * they are, what they take and look at, what they spend and how they trend. Campaigns can target them.
 */
export default async function ClustersPage() {
  await requireRole(["marketer", "admin"], "/studio/clusters");
  const db = await getDb();
  const [overview, latestRun, t, locale, format] = await Promise.all([
    getClusterOverview(db),
    readRecoRefreshRun(db),
    getTranslations("clusters"),
    getLocale() as Promise<Locale>,
    getFormatter(),
  ]);
  const clusters = overview?.clusters ?? [];
  const names = clusters.map((c) => (locale === "zh" ? c.profile.segment.name.zh : c.profile.segment.name.en));
  // Bar-chart axes have room for a number only: "#1" is the first card, which carries the full name.
  const axisNames = clusters.map((_, i) => `#${i + 1}`);
  const stats = overview?.stats as
    | {
        counts?: { clustered?: number };
        k?: number;
        silhouette?: { k: number; silhouette: number }[];
        /** The last per-user update since the refresh (lib/reco/refresh/user.ts). */
        userUpdatedAt?: string;
      }
    | undefined;
  const silhouette = stats?.silhouette?.find((s) => s.k === stats.k)?.silhouette;
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, intlLocale(locale));

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <p className="max-w-3xl text-muted">{t("intro")}</p>
        <p className="text-sm">
          {overview
            ? t("refreshed", {
                date: format.dateTime(new Date(overview.refreshedAt), "dateTime"),
                users: stats?.counts?.clustered ?? 0,
                k: clusters.length,
              })
            : t("never")}
        </p>
        {overview && clusters.length === 0 && <p className="text-sm text-muted">{t("empty")}</p>}
        {clusters.length > 1 && (
          <details className="max-w-3xl text-sm">
            <summary className="cursor-pointer text-muted">{t("howTitle")}</summary>
            <p className="mt-2">
              {silhouette === undefined
                ? t("how", { k: clusters.length })
                : t("howSilhouette", {
                    k: clusters.length,
                    silhouette: format.number(silhouette, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
                  })}
            </p>
          </details>
        )}
        {stats?.userUpdatedAt && (
          <p className="text-sm text-muted">
            {t("userUpdated", {
              date: format.dateTime(new Date(stats.userUpdatedAt), "dateTimeSeconds"),
            })}
          </p>
        )}
        <RecomputePanel latest={latestRun ? toRunView(latestRun) : null} />
      </header>
      <TuningCard stats={overview?.stats as Record<string, unknown> | undefined} />

      {clusters.length > 0 && (
        <>
          <div className="grid gap-8 lg:grid-cols-3">
            <section aria-labelledby="chart-sizes">
              <h2 id="chart-sizes" className="mb-2 font-medium">
                {t("chartSizes")}
              </h2>
              <ClusterSizeChart
                label={t("chartSizes")}
                rows={clusters.map((c, i) => ({ name: axisNames[i]!, size: c.size }))}
              />
            </section>
            <section aria-labelledby="chart-domain">
              <h2 id="chart-domain" className="mb-2 font-medium">
                {t("chartDomain")}
              </h2>
              <ClusterDomainChart
                label={t("chartDomain")}
                courseLabel={t("courses")}
                artworkLabel={t("artworks")}
                rows={clusters.map((c, i) => ({
                  name: axisNames[i]!,
                  course: c.profile.domainMix.course,
                  artwork: c.profile.domainMix.artwork,
                }))}
              />
            </section>
            <section aria-labelledby="chart-spend">
              <h2 id="chart-spend" className="mb-2 font-medium">
                {t("chartSpend")}
              </h2>
              <ClusterSpendChart
                label={t("chartSpend")}
                rows={clusters.map((c, i) => ({
                  name: axisNames[i]!,
                  spend: c.profile.spend.avgMinor / 10 ** currencyExponent(c.profile.spend.currency),
                  formatted: money(c.profile.spend.avgMinor, c.profile.spend.currency),
                }))}
              />
            </section>
          </div>
          <section aria-labelledby="chart-trend">
            <h2 id="chart-trend" className="mb-2 font-medium">
              {t("trend")}
            </h2>
            <ClusterTrendChart
              label={t("trend")}
              weeks={clusters[0]!.profile.trend.map((w) => w.weekStart)}
              series={clusters.map((c, i) => ({ name: names[i]!, values: c.profile.trend.map((w) => w.active) }))}
            />
          </section>

          <ol className="grid gap-6 md:grid-cols-2">
            {clusters.map((c, i) => (
              <SegmentCard
                key={c.clusterId}
                index={i}
                size={c.size}
                profile={c.profile}
                locale={locale}
                money={money}
                tagNames={overview?.tagNames ?? {}}
              />
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
