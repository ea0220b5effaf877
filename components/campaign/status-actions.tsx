"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { campaignStatusAction } from "@/app/_actions/campaigns";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
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
            {/* Every lifecycle button waits for the one pressed: the forms share one action state. */}
            <Button
              type="submit"
              pending={pending}
              size="sm"
              variant={action === "launch" ? "positive" : action === "end" ? "danger" : "subtle"}
            >
              {action === "launch" && status === "paused" ? t("relaunch") : t(action)}
            </Button>
          </form>
        ))}
      </div>
      {state && !state.ok && (
        <FormMessage tone="error" className="mt-2">
          {te(state.error ?? "invalid_input")}
        </FormMessage>
      )}
      {state?.ok && (
        <FormMessage tone="success" className="mt-2">
          {t("done", { status: state.values?.status ?? "", version: state.values?.bucketVersion ?? "" })}
        </FormMessage>
      )}
      {status === "paused" && <p className="mt-2 text-xs text-muted">{t("relaunchHint")}</p>}
    </div>
  );
}
