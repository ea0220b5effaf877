import { getTranslations } from "next-intl/server";
import { CampaignForm } from "@/components/campaign/campaign-form";
import { getDb } from "@/db/client";
import { toFormShape } from "@/lib/campaigns/form-shape";
import { blankCampaignInput } from "@/lib/campaigns/blank";
import { requestTime } from "@/lib/campaigns/clock";
import { getFormChoices } from "@/lib/campaigns/queries";
import { loadRecentTraffic } from "@/lib/experiments/store/measurement";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("newCampaign", { index: false });

export default async function NewCampaignPage() {
  await requireRole(["marketer", "admin"], "/studio/campaigns/new");
  const db = await getDb();
  const now = new Date(requestTime());
  const [t, choices, traffic] = await Promise.all([
    getTranslations("campaigns"),
    getFormChoices(db),
    loadRecentTraffic(db, now),
  ]);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <h1 className="font-serif text-3xl">{t("new")}</h1>
      <CampaignForm
        initial={toFormShape(blankCampaignInput(now))}
        choices={choices}
        lockedSlug={false}
        traffic={traffic}
      />
    </div>
  );
}
