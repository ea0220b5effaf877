import { getTranslations } from "next-intl/server";
import { ShippingRatesForm, type RatesFormValues } from "@/components/studio/shipping-rates-form";
import { getDb } from "@/db/client";
import { getCreatorForUser } from "@/lib/commerce/ownership";
import { listRatesForCreator } from "@/lib/commerce/shipping-store";
import { toMajorString } from "@/lib/money";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("shippingRates", { index: false });

/** The signed-in creator's shipping rates, as the form edits them. */
export default async function StudioShippingPage() {
  const user = await requireRole(["creator"], "/studio/shipping");
  const [t, creator] = await Promise.all([getTranslations("shippingRates"), getCreatorForUser(user.id)]);
  if (!creator) return <p className="text-muted">{t("noCreatorProfile")}</p>;
  const rates = await listRatesForCreator(await getDb(), { creatorId: creator.id });
  // The form takes one currency: the first rate's (the studio always saves them in one).
  const currency = rates[0]?.currency ?? "USD";
  const initial: RatesFormValues = { currency, insurance: String((rates[0]?.insurancePpm ?? 0) / 10_000) };
  for (const r of rates.filter((x) => x.currency === currency)) {
    initial[`${r.zone}_mode`] = r.method;
    const amounts = { flat: r.flatAmount, small: r.smallAmount, medium: r.mediumAmount, large: r.largeAmount };
    for (const [f, amount] of Object.entries(amounts)) initial[`${r.zone}_${f}`] = toMajorString({ amount, currency });
    if (r.zone === "countries") initial.countries_list = r.countries.join(", ");
  }
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <ShippingRatesForm initial={initial} />
    </div>
  );
}
