import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { CheckoutShipping } from "@/lib/commerce/checkout-quote";
import type { AddressView } from "@/lib/commerce/shipping-store";
import { AddressForm } from "./address-form";

/** An address as a carrier's label prints it, one line each. */
export function AddressLines({ address }: { address: Omit<AddressView, "id"> }) {
  const lines = [
    address.name,
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(" "),
    address.region,
    address.country,
    address.phone,
  ].filter(Boolean);
  return (
    <address className="text-sm not-italic">
      {lines.map((l, i) => (
        <span key={i} className="block">
          {l}
        </span>
      ))}
    </address>
  );
}

/**
 * Where the artworks go: the chosen saved address with the others to switch to, or the form for a new
 * one (pre-filled with the country last used). Switching is a link: the page quotes shipping and tax
 * again for the address in `?address=`.
 */
export async function ShippingSection({ shipping }: { shipping: Extract<CheckoutShipping, { needsShipping: true }> }) {
  const t = await getTranslations("address");
  const others = shipping.addresses.filter((a) => a.id !== shipping.address?.id);
  return (
    <section aria-labelledby="shipping-address" className="mt-8 space-y-3" data-testid="shipping-address">
      <h2 id="shipping-address" className="text-sm tracking-wide text-muted uppercase">
        {t("title")}
      </h2>
      {shipping.address ? (
        <div className="space-y-3 rounded-lg border border-line bg-white p-4">
          <AddressLines address={shipping.address} />
          {others.length > 0 && (
            <div>
              <p className="text-sm font-medium">{t("shipElsewhere")}</p>
              <ul className="mt-1 space-y-1 text-sm">
                {others.map((a) => (
                  <li key={a.id}>
                    <Link href={`/checkout?address=${a.id}`} className="text-accent underline">
                      {[a.name, a.line1, a.city, a.country].join(", ")}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Link href="/checkout?address=new" className="inline-block text-sm text-accent underline">
            {t("addNew")}
          </Link>
        </div>
      ) : (
        <div className="rounded-lg border border-line bg-white p-4">
          <p className="mb-3 text-sm text-muted">{t("intro")}</p>
          <AddressForm initial={null} defaultCountry={shipping.addresses[0]?.country ?? "US"} />
          {shipping.addresses.length > 0 && (
            <Link href="/checkout" className="mt-3 inline-block text-sm text-accent underline">
              {t("useSaved")}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
