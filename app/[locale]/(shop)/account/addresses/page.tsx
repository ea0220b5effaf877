import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { AddressActions } from "@/components/account/address-actions";
import { AddressLines } from "@/components/checkout/shipping-section";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { getDb } from "@/db/client";
import { listAddressBook } from "@/lib/commerce/address-book";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("addresses", { index: false });

type Props = { searchParams: Promise<{ saved?: string | string[] }> };

/** The buyer's saved shipping addresses: the default (what checkout offers first) at the top. */
export default async function AddressBookPage({ searchParams }: Props) {
  const user = await requireUser("/account/addresses");
  const { saved } = await searchParams;
  const [book, t] = await Promise.all([
    listAddressBook(await getDb(), { userId: user.id }),
    getTranslations("addressBook"),
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div className="space-y-2">
        <Link href="/account" className="text-sm text-accent underline">
          {t("back")}
        </Link>
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      {/* Kept in the page (empty) so the confirmation after a save is announced when it appears. */}
      <FormMessage tone="success" boxed={saved === "added" || saved === "updated"}>
        {saved === "added" ? t("added") : saved === "updated" ? t("updated") : null}
      </FormMessage>
      {book.length === 0 ? (
        <p className="text-sm">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" data-testid="address-book">
          {book.map((a) => {
            const label = [a.name, a.line1, a.city].join(", ");
            return (
              <li key={a.id} className="space-y-3 rounded-lg border border-line bg-white p-4">
                {a.isDefault && <p className="text-xs font-medium tracking-wide text-moss uppercase">{t("default")}</p>}
                <AddressLines address={a} />
                <div className="flex flex-wrap items-center gap-3">
                  <Link
                    href={`/account/addresses/${a.id}`}
                    className={buttonClass({ variant: "subtle", size: "xs" })}
                    aria-label={t("editOf", { address: label })}
                  >
                    {t("edit")}
                  </Link>
                  <AddressActions addressId={a.id} label={label} isDefault={a.isDefault} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Link href="/account/addresses/new" className={buttonClass()}>
        {t("add")}
      </Link>
    </div>
  );
}
