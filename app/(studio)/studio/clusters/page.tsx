import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import {
  ClusterDomainChart,
  ClusterSizeChart,
  ClusterSpendChart,
  ClusterTrendChart,
} from "@/components/charts/cluster-charts";
import { RecomputePanel } from "@/components/reco/recompute-panel";
import { intlLocale, type Locale } from "@/i18n/locales";
import { currencyExponent, formatMoney } from "@/lib/money";
import { readRecoRefreshRun } from "@/lib/jobs/reco-refresh";
import { toRunView } from "@/lib/jobs/reco-refresh-view";
import { getClusterOverview } from "@/lib/reco/read";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("clusters");

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** Interest groups for marketers: what defines each cluster, how big, how much it spends, how it trends. */
export default async function ClustersPage() {
  await requireRole(["marketer", "admin"], "/studio/clusters");
  const db = await getDb();
  const [overview, latestRun, t, locale] = await Promise.all([
    getClusterOverview(db),
    readRecoRefreshRun(db),
    getTranslations("clusters"),
    getLocale() as Promise<Locale>,
  ]);
  const tagName = (tag: { name: string; nameZh: string }) => (locale === "zh" ? tag.nameZh : tag.name);
  const clusters = overview?.clusters ?? [];
  const names = clusters.map((_, i) => t("short", { n: i + 1 }));
  // Bar-chart axes have room for a number only ("#1" is "Cluster 1"); the cards carry the full names.
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
                date: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short" }).format(
                  new Date(overview.refreshedAt),
                ),
                users: stats?.counts?.clustered ?? 0,
                k: clusters.length,
                silhouette: silhouette === undefined ? "–" : silhouette.toFixed(2),
              })
            : t("never")}
        </p>
        {stats?.userUpdatedAt && (
          <p className="text-sm text-muted">
            {t("userUpdated", {
              date: new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "medium" }).format(
                new Date(stats.userUpdatedAt),
              ),
            })}
          </p>
        )}
        <RecomputePanel latest={latestRun ? toRunView(latestRun) : null} />
      </header>

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
              <li key={c.clusterId} className="rounded-lg border border-line bg-white p-5">
                <h2 className="font-serif text-xl">
                  {names[i]}
                  {c.profile.tags.length > 0 && (
                    <span className="text-muted"> · {c.profile.tags.slice(0, 2).map(tagName).join(" · ")}</span>
                  )}
                </h2>
                <p className="text-sm text-muted">{t("size", { count: c.size, share: pct(c.profile.share) })}</p>
                <dl className="mt-4 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-2 text-sm">
                  <dt className="text-muted">{t("tags")}</dt>
                  <dd>
                    {c.profile.tags.map((tag) => (
                      <span key={tag.slug} className="mr-2 inline-block">
                        {tagName(tag)} <span className="text-muted">({t("lift", { lift: tag.lift.toFixed(1) })})</span>
                      </span>
                    ))}
                  </dd>
                  <dt className="text-muted">{t("domain")}</dt>
                  <dd>
                    {t("courses")} {pct(c.profile.domainMix.course)} · {t("artworks")}{" "}
                    {pct(c.profile.domainMix.artwork)}
                  </dd>
                  <dt className="text-muted">{t("spend")}</dt>
                  <dd>
                    {money(c.profile.spend.avgMinor, c.profile.spend.currency)} ·{" "}
                    {t("purchases", { n: c.profile.spend.purchasesPerMember.toFixed(2) })} ·{" "}
                    {t("buyers", { share: pct(c.profile.spend.buyersShare) })}
                  </dd>
                  {c.profile.topics.length > 0 && (
                    <>
                      <dt className="text-muted">{t("topics")}</dt>
                      <dd>
                        {c.profile.topics.map((z) => `${z.tags.slice(0, 3).join(", ")} (${pct(z.weight)})`).join(" · ")}
                      </dd>
                    </>
                  )}
                  <dt className="text-muted">{t("topItems")}</dt>
                  <dd>
                    <ul className="space-y-1">
                      {c.profile.topItems.map((item) => (
                        <li key={item.id}>
                          <Link
                            href={`/${item.kind === "course" ? "courses" : "artworks"}/${item.slug}`}
                            className="hover:text-accent"
                          >
                            {item.title}
                          </Link>{" "}
                          <span className="text-muted">{t("members", { n: item.members })}</span>
                        </li>
                      ))}
                    </ul>
                  </dd>
                </dl>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
