"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmSimPaymentAction } from "@/app/_actions/sim-pay";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ButtonVariant } from "@/components/ui/button";
import { messageKey } from "@/components/commerce/message-key";

type Choice = { choice: string; label: string; variant: ButtonVariant };

/** The simulated provider's buttons: each posts one choice for this payment (no card data, by design). */
export function SimPayForm({ paymentId, choices }: { paymentId: string; choices: Choice[] }) {
  const t = useTranslations();
  const [state, formAction] = useActionState(confirmSimPaymentAction, null);
  return (
    <div className="space-y-3">
      {state?.error && (
        <FormMessage tone="error" boxed>
          {t(messageKey(state.error))}
        </FormMessage>
      )}
      {choices.map((c) => (
        <form key={c.choice} action={formAction}>
          <input type="hidden" name="paymentId" value={paymentId} />
          <input type="hidden" name="choice" value={c.choice} />
          <SubmitButton block variant={c.variant}>
            {c.label}
          </SubmitButton>
        </form>
      ))}
    </div>
  );
}
