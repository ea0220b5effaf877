import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaign/campaign-form";
import { StatusActions } from "@/components/campaign/status-actions";
import { getDb } from "@/db/client";
import { toFormShape } from "@/lib/campaigns/form-shape";
import { requestTime } from "@/lib/campaigns/clock";
import { getCampaignForEdit, getFormChoices } from "@/lib/campaigns/queries";
import { loadRecentTraffic } from "@/lib/experiments/store/measurement";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("campaign", { index: false });

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> };

export default async function CampaignPage({ params, searchParams }: Props) {
  const { id } = await params;
  await requireRole(["marketer", "admin"], `/studio/campaigns/${encodeURIComponent(id)}`);
  const db = await getDb();
  const [campaign, choices, t, query, traffic] = await Promise.all([
    getCampaignForEdit(db, id),
    getFormChoices(db),
    getTranslations("campaigns"),
    searchParams,
    loadRecentTraffic(db, new Date(requestTime())),
  ]);
  if (!campaign) notFound();
  const previewPath = `/c/${campaign.slug}?preview=${encodeURIComponent(campaign.previewToken)}`;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-muted">
            <Link href="/studio/campaigns" className="hover:text-accent">
              {t("title")}
            </Link>
          </p>
          <h1 className="font-serif text-3xl">{campaign.input.name}</h1>
          <p className="mt-1 text-sm text-muted">
            {t(`status.${campaign.status}`)} · {t("bucketVersion", { version: campaign.bucketVersion })}
          </p>
        </div>
        <div className="space-y-2 text-right text-sm">
          <Link href={`/studio/campaigns/${campaign.id}/results`} className="block hover:text-accent">
            {t("results")}
          </Link>
          <a href={previewPath} className="block hover:text-accent">
            {t("previewLink")}
          </a>
          {campaign.input.experiment.variants.map((v) => (
            <a
              key={v.key}
              href={`/c/${campaign.slug}?variant=${encodeURIComponent(v.key)}`}
              className="block text-muted hover:text-accent"
            >
              {t("previewVariant", { name: v.name })}
            </a>
          ))}
        </div>
      </div>
      {query.saved && (
        <p role="status" className="rounded border border-moss/40 bg-white px-3 py-2 text-sm text-moss">
          {t("saved")}
        </p>
      )}
      <StatusActions id={campaign.id} status={campaign.status} />
      {campaign.status === "ended" ? (
        <p className="text-muted">{t("endedReadOnly")}</p>
      ) : (
        <CampaignForm
          key={`${campaign.status}-${campaign.bucketVersion}`}
          initial={toFormShape(campaign.input)}
          id={campaign.id}
          choices={choices}
          lockedSlug={campaign.launched}
          locks={{ running: campaign.status === "running", launched: campaign.launched }}
          traffic={traffic}
        />
      )}
    </div>
  );
}
