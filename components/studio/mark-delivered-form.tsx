"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markDeliveredAction } from "@/app/_actions/fulfilments";
import { messageKey } from "@/components/commerce/message-key";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/** One button for a shipped parcel: the buyer is mailed that it arrived. */
export function MarkDeliveredForm({ fulfilmentId }: { fulfilmentId: string }) {
  const t = useTranslations("shipments");
  const tAll = useTranslations();
  const [state, action] = useActionState(markDeliveredAction, null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="fulfilmentId" value={fulfilmentId} />
      <SubmitButton size="sm" variant="secondary" pendingLabel={t("saving")}>
        {t("markDelivered")}
      </SubmitButton>
      {state?.error && (
        <FormMessage tone="error">{tAll(messageKey(state.error) as "shipments.errors.not_found")}</FormMessage>
      )}
    </form>
  );
}
