"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { campaignStatusAction } from "@/app/_actions/campaigns";
import type { CampaignStatus } from "@/db/schema";

const ACTIONS: Record<CampaignStatus, ("preview" | "draft" | "launch" | "pause" | "end")[]> = {
  draft: ["preview", "launch", "end"],
  preview: ["draft", "launch", "end"],
  running: ["pause", "end"],
  paused: ["launch", "end"],
  ended: [],
};

/** Lifecycle buttons; each posts the campaign id and the action, and the server checks the role again. */
export function StatusActions({ id, status }: { id: string; status: CampaignStatus }) {
  const t = useTranslations("campaigns.actions");
  const te = useTranslations("campaigns.errors");
  const [state, formAction, pending] = useActionState(campaignStatusAction, null);
  const actions = ACTIONS[status];
  if (actions.length === 0) return null;
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => (
          <form key={action} action={formAction}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="action" value={action} />
            <button
              type="submit"
              disabled={pending}
              className={`rounded-full px-4 py-1.5 text-sm disabled:opacity-60 ${action === "launch" ? "bg-moss text-white" : action === "end" ? "border border-accent text-accent-dark" : "border border-line bg-white"}`}
            >
              {action === "launch" && status === "paused" ? t("relaunch") : t(action)}
            </button>
          </form>
        ))}
      </div>
      {state && !state.ok && (
        <p role="alert" className="mt-2 text-sm text-accent-dark">
          {te(state.error ?? "invalid_input")}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="mt-2 text-sm text-moss">
          {t("done", { status: state.values?.status ?? "", version: state.values?.bucketVersion ?? "" })}
        </p>
      )}
      {status === "paused" && <p className="mt-2 text-xs text-muted">{t("relaunchHint")}</p>}
    </div>
  );
}
