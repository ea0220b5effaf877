import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { getDb } from "@/db/client";
import { listCampaigns } from "@/lib/campaigns/queries";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("campaigns", { index: false });

export default async function CampaignsPage() {
  await requireRole(["marketer", "admin"], "/studio/campaigns");
  const [t, format, rows] = await Promise.all([
    getTranslations("campaigns"),
    getFormatter(),
    listCampaigns(await getDb()),
  ]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <Link href="/studio/campaigns/new" className={buttonClass()}>
          {t("new")}
        </Link>
      </div>
      {rows.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <DataTable
          caption={t("title")}
          className="[&_td]:px-2 [&_th]:px-2"
          columns={[
            { label: t("columns.name"), className: "py-2" },
            { label: t("columns.status") },
            { label: t("columns.window") },
            { label: t("columns.experiment") },
            { label: t("columns.visitors"), numeric: true },
            { label: <span className="sr-only">{t("columns.links")}</span> },
          ]}
        >
          {rows.map((c) => (
            <DataRow key={c.id}>
              <td className="py-2">
                <Link href={`/studio/campaigns/${c.id}`} className="font-medium hover:text-accent">
                  {c.name}
                </Link>
                <div className="text-xs text-muted">/c/{c.slug}</div>
              </td>
              <td>{t(`status.${c.status}`)}</td>
              <td>
                {format.dateTime(c.startsAt, "date")} – {format.dateTime(c.endsAt, "date")}
              </td>
              <td>
                {t("experimentSummary", { mode: t(`mode.${c.mode}`), variants: c.variants, version: c.bucketVersion })}
              </td>
              <td className="text-right tabular-nums">{format.number(c.exposures)}</td>
              <td className="space-x-3 text-right">
                <Link href={`/studio/campaigns/${c.id}/results`} className="hover:text-accent">
                  {t("results")}
                </Link>
                <Link href={`/c/${c.slug}`} prefetch={false} className="hover:text-accent">
                  {t("view")}
                </Link>
              </td>
            </DataRow>
          ))}
        </DataTable>
      )}
    </div>
  );
}
