import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { intlLocale, type Locale } from "@/i18n/locales";
import { budgetSpendUnit, type BudgetProposal } from "@/lib/experiments/budget-proposal";
import { displayPercents } from "@/lib/experiments/bandit";
import { formatMoney } from "@/lib/money";

/** Next period's channel budget proposal, shown with the data the sampler used. */
export async function BudgetProposalTable({ proposal }: { proposal: BudgetProposal }) {
  const [t, format, locale] = await Promise.all([getTranslations("results.budget"), getFormatter(), getLocale()]);
  const pct = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 1 });
  // Shares as displayed add up to exactly 100 %.
  const shares = displayPercents(proposal.channels.map((c) => c.share)).map((x) =>
    format.number(x / 100, { style: "percent", maximumFractionDigits: 1 }),
  );
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">{t("explain")}</p>
      {proposal.burnIn && (
        <p className="mt-1 text-sm text-accent-dark">
          {t("burnIn", {
            amount: formatMoney(
              { amount: proposal.burnInSpend, currency: proposal.currency },
              intlLocale(locale as Locale),
            ),
          })}
        </p>
      )}
      {!proposal.burnIn && proposal.channels.length > 1 && (
        <p className="mt-1 text-sm text-muted">{t("evidence", { share: pct(proposal.evidence) })}</p>
      )}
      <DataTable
        labelledBy="budget-title"
        className="mt-3 [&_td]:px-2 [&_th]:px-2"
        columns={[
          { label: t("channel"), className: "py-2" },
          { label: t("spent"), numeric: true },
          { label: t("visitors"), numeric: true },
          { label: t("conversions"), numeric: true },
          {
            label: t("rate", {
              unit: formatMoney(
                { amount: budgetSpendUnit(proposal.currency), currency: proposal.currency },
                intlLocale(locale as Locale),
              ),
            }),
            numeric: true,
          },
          { label: t("revenue"), numeric: true },
          { label: t("current"), numeric: true },
          { label: t("proposed"), numeric: true },
          { label: t("share"), numeric: true },
        ]}
      >
        {proposal.channels.map((c, i) => (
          <DataRow key={c.source}>
            <th scope="row" className="py-2 text-left font-medium">
              {c.source}
            </th>
            <td className="text-right tabular-nums">
              <Price amount={c.spentAmount} currency={c.currency} />
            </td>
            <td className="text-right tabular-nums">{format.number(c.visitors)}</td>
            <td className="text-right tabular-nums">{format.number(c.conversions)}</td>
            <td className="text-right tabular-nums">
              {format.number(c.rate.mean, { maximumSignificantDigits: 3 })}
              <div className="text-xs text-muted">{`${format.number(c.rate.ci[0], { maximumSignificantDigits: 3 })} … ${format.number(c.rate.ci[1], { maximumSignificantDigits: 3 })}`}</div>
            </td>
            <td className="text-right tabular-nums">
              <Price amount={Math.round(c.revenue)} currency={proposal.currency} />
            </td>
            <td className="text-right tabular-nums">
              <Price amount={c.budgetAmount} currency={c.currency} />
            </td>
            <td className="text-right font-medium tabular-nums">
              <Price amount={c.proposedAmount} currency={c.currency} />
            </td>
            <td className="text-right tabular-nums">{shares[i]}</td>
          </DataRow>
        ))}
      </DataTable>
      <p className="mt-2 text-xs text-muted">
        {t("unattributed", {
          visitors: proposal.unattributed.visitors,
          conversions: proposal.unattributed.conversions,
        })}
      </p>
    </section>
  );
}
