"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteAddressAction, setDefaultAddressAction } from "@/app/_actions/addresses";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

/**
 * The buttons of one saved address: make it the default, delete it. Each button's accessible name
 * says which address it acts on (`label`), since a list shows the same buttons on every card.
 */
export function AddressActions({
  addressId,
  label,
  isDefault,
}: {
  addressId: string;
  label: string;
  isDefault: boolean;
}) {
  const t = useTranslations("addressBook");
  const tAll = useTranslations();
  const [defaultState, makeDefault] = useActionState(setDefaultAddressAction, null);
  const [deleteState, remove] = useActionState(deleteAddressAction, null);
  const error = defaultState?.error ?? deleteState?.error;
  return (
    <div className="flex flex-wrap items-center gap-3">
      {!isDefault && (
        <form action={makeDefault}>
          <input type="hidden" name="addressId" value={addressId} />
          <SubmitButton variant="subtle" size="xs" aria-label={t("makeDefaultOf", { address: label })}>
            {t("makeDefault")}
          </SubmitButton>
        </form>
      )}
      <form action={remove}>
        <input type="hidden" name="addressId" value={addressId} />
        <SubmitButton variant="danger" size="xs" aria-label={t("deleteOf", { address: label })}>
          {t("delete")}
        </SubmitButton>
      </form>
      {error && (
        <FormMessage tone="error" as="span">
          {tAll(error as "address.errors.unexpected")}
        </FormMessage>
      )}
    </div>
  );
}
