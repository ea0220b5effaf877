"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markShippedAction } from "@/app/_actions/fulfilments";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/controls";
import { LabelledField } from "@/components/ui/labelled-field";
import { SubmitButton } from "@/components/ui/submit-button";
import { messageKey } from "@/components/commerce/message-key";

/** Carrier and tracking number for one parcel; the buyer is mailed both when it is saved. */
export function MarkShippedForm({ fulfilmentId }: { fulfilmentId: string }) {
  const t = useTranslations("shipments");
  const tAll = useTranslations();
  const [state, action] = useActionState(markShippedAction, null);
  const fieldError = (f: "carrier" | "trackingNumber") => {
    const key = state?.fieldErrors?.[f];
    return key ? t(`fieldErrors.${key}` as "fieldErrors.required") : undefined;
  };
  const id = fulfilmentId.slice(0, 8);
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="fulfilmentId" value={fulfilmentId} />
      <LabelledField id={`carrier-${id}`} label={t("carrier")} error={fieldError("carrier")}>
        {(p) => <Input {...p} name="carrier" compact defaultValue={state?.values?.carrier ?? ""} />}
      </LabelledField>
      <LabelledField id={`tracking-${id}`} label={t("tracking")} error={fieldError("trackingNumber")}>
        {(p) => <Input {...p} name="trackingNumber" compact defaultValue={state?.values?.trackingNumber ?? ""} />}
      </LabelledField>
      <SubmitButton pendingLabel={t("saving")}>{t("markShipped")}</SubmitButton>
      {state?.error && state.error !== "invalid_input" && (
        <FormMessage tone="error">{tAll(messageKey(state.error) as "shipments.errors.not_found")}</FormMessage>
      )}
    </form>
  );
}
