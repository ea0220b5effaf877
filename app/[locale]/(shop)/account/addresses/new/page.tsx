import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { AddressForm } from "@/components/checkout/address-form";
import { getDb } from "@/db/client";
import { listAddressesForUser } from "@/lib/commerce/shipping-store";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("addressNew", { index: false });

/** A new address for the book; the country starts as that of the buyer's default, else the US. */
export default async function NewAddressPage() {
  const user = await requireUser("/account/addresses/new");
  const [saved, t] = await Promise.all([
    listAddressesForUser(await getDb(), { userId: user.id }),
    getTranslations("addressBook"),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <Link href="/account/addresses" className="text-sm text-accent underline">
          {t("backToBook")}
        </Link>
        <h1 id="address-form-title" className="font-serif text-3xl">
          {t("addTitle")}
        </h1>
      </div>
      <div className="rounded-lg border border-line bg-white p-4">
        <AddressForm
          mode="add"
          initial={null}
          defaultCountry={saved[0]?.country ?? "US"}
          labelledBy="address-form-title"
        />
      </div>
    </div>
  );
}
