import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddressForm } from "@/components/checkout/address-form";
import { getDb } from "@/db/client";
import { listAddressBook } from "@/lib/commerce/address-book";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("addressEdit", { index: false });

type Props = { params: Promise<{ id: string }> };

/** Edits one of the buyer's own addresses; anyone else's id is a 404, like one that never existed. */
export default async function EditAddressPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/account/addresses/${encodeURIComponent(id)}`);
  const book = await listAddressBook(await getDb(), { userId: user.id });
  const address = book.find((a) => a.id === id);
  if (!address) notFound();
  const t = await getTranslations("addressBook");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <Link href="/account/addresses" className="text-sm text-accent underline">
          {t("backToBook")}
        </Link>
        <h1 id="address-form-title" className="font-serif text-3xl">
          {t("editTitle")}
        </h1>
      </div>
      <div className="rounded-lg border border-line bg-white p-4">
        <AddressForm mode="edit" initial={address} defaultCountry={address.country} labelledBy="address-form-title" />
      </div>
    </div>
  );
}
