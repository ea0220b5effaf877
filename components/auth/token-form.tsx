"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormError } from "./form-error";

/**
 * One button that uses a mailed link's token (verify an address, confirm a new one). The page asks
 * for this click instead of acting on the GET, so a mail scanner that opens links spends nothing.
 */
export function TokenForm({
  action,
  token,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  token: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError state={state} />
      <SubmitButton size="lg" block>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
