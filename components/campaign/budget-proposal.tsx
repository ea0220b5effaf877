import { getFormatter, getTranslations } from "next-intl/server";
import { Price } from "@/components/ui/price";
import type { BudgetProposal } from "@/lib/experiments/budget-proposal";

/** Next period's channel budget proposal, shown with the data the sampler used. */
export async function BudgetProposalTable({ proposal }: { proposal: BudgetProposal }) {
  const [t, format] = await Promise.all([getTranslations("results.budget"), getFormatter()]);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("explain")}</p>
      {proposal.burnIn && <p className="mt-1 text-sm text-accent-dark">{t("burnIn")}</p>}
      <table className="mt-3 w-full border-collapse text-sm [&_td]:px-2 [&_th]:px-2">
        <thead>
          <tr className="border-b border-line text-left text-muted">
            <th scope="col" className="py-2">{t("channel")}</th>
            <th scope="col" className="text-right">{t("spent")}</th>
            <th scope="col" className="text-right">{t("visitors")}</th>
            <th scope="col" className="text-right">{t("conversions")}</th>
            <th scope="col" className="text-right">{t("revenue")}</th>
            <th scope="col" className="text-right">{t("current")}</th>
            <th scope="col" className="text-right">{t("proposed")}</th>
            <th scope="col" className="text-right">{t("share")}</th>
          </tr>
        </thead>
        <tbody>
          {proposal.channels.map((c) => (
            <tr key={c.source} className="border-b border-line">
              <th scope="row" className="py-2 text-left font-medium">{c.source}</th>
              <td className="text-right tabular-nums"><Price amount={c.spentAmount} currency={c.currency} /></td>
              <td className="text-right tabular-nums">{format.number(c.visitors)}</td>
              <td className="text-right tabular-nums">{format.number(c.conversions)}</td>
              <td className="text-right tabular-nums"><Price amount={Math.round(c.revenue)} currency={proposal.currency} /></td>
              <td className="text-right tabular-nums"><Price amount={c.budgetAmount} currency={c.currency} /></td>
              <td className="text-right font-medium tabular-nums"><Price amount={c.proposedAmount} currency={c.currency} /></td>
              <td className="text-right tabular-nums">{pct(c.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-muted">
        {t("unattributed", { visitors: proposal.unattributed.visitors, conversions: proposal.unattributed.conversions })}
      </p>
    </section>
  );
}
