import type { Metadata } from "next";
import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SimPayForm } from "@/components/payments/sim-pay-form";
import { Price } from "@/components/ui/price";
import { getSimulatedProvider } from "@/lib/commerce/providers";
import { SIM_TEST_CARDS } from "@/lib/commerce/providers/simulated";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("simPay");
  return { title: t("pageTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ paymentId: string }> };

/**
 * The simulated provider's hosted confirmation page: what Stripe Checkout's page is to a real shop.
 * It belongs to the provider, not the shop, so it reads only the provider's record of the payment and
 * is open to whoever holds its address (see app/_actions/sim-pay.ts).
 */
export default async function SimPaymentPage({ params }: Props) {
  const { paymentId } = await params;
  const provider = getSimulatedProvider();
  const payment = provider ? await provider.getPayment(paymentId) : null;
  if (!payment) notFound();
  const t = await getTranslations("simPay");
  const open = payment.status === "requires_confirmation";
  const challenge = payment.status === "requires_action";
  return (
    <div className="mx-auto max-w-md space-y-5 rounded-xl border-2 border-dashed border-accent bg-white p-6">
      <p className="inline-block rounded-full bg-accent px-3 py-1 text-xs font-semibold tracking-wide text-paper uppercase">
        {t("badge")}
      </p>
      <h1 className="font-serif text-2xl">{challenge ? t("challengeTitle") : t("title")}</h1>
      <p className="text-sm text-muted">{challenge ? t("challengeText") : t("notice")}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted">{t("merchant")}</dt>
        <dd>{payment.description}</dd>
        <dt className="text-muted">{t("amount")}</dt>
        <dd>
          <Price amount={payment.amount} currency={payment.currency} className="font-serif text-xl" />
        </dd>
        <dt className="text-muted">{t("reference")}</dt>
        <dd className="font-mono text-xs">{payment.id}</dd>
      </dl>
      {open && (
        <SimPayForm
          paymentId={payment.id}
          choices={[
            { choice: "succeed", label: t("succeed", { card: SIM_TEST_CARDS.succeed }), variant: "primary" },
            { choice: "decline", label: t("decline", { card: SIM_TEST_CARDS.decline }), variant: "subtle" },
            { choice: "challenge", label: t("challenge", { card: SIM_TEST_CARDS.challenge }), variant: "subtle" },
          ]}
        />
      )}
      {challenge && (
        <SimPayForm
          paymentId={payment.id}
          choices={[
            { choice: "challenge_pass", label: t("pass"), variant: "primary" },
            { choice: "challenge_fail", label: t("fail"), variant: "danger" },
          ]}
        />
      )}
      {!open && !challenge && (
        <div role="status" className="space-y-2">
          <p>{t(payment.status === "succeeded" ? "succeeded" : payment.status === "failed" ? "failed" : "canceled")}</p>
          <Link
            href={payment.returnUrl.startsWith("/") ? payment.returnUrl : "/orders"}
            className="text-accent underline"
          >
            {t("back")}
          </Link>
        </div>
      )}
    </div>
  );
}
