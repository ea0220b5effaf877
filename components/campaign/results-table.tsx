import { getFormatter, getTranslations } from "next-intl/server";
import { DataRow, DataTable } from "@/components/ui/data-table";
import { Price } from "@/components/ui/price";
import { displayPercents } from "@/lib/experiments/bandit";
import type { ExperimentResults } from "@/lib/experiments/results";
import type { FrequentistResult } from "@/lib/experiments/stats";

/** Per variant counts and the comparisons with the control (frequentist and Bayesian). */
export async function ResultsTable({ results }: { results: ExperimentResults }) {
  const [t, format] = await Promise.all([getTranslations("results"), getFormatter()]);
  const pct = (x: number, signed = false) =>
    `${signed && x > 0 ? "+" : ""}${format.number(x, { style: "percent", maximumFractionDigits: 2 })}`;
  const pValue = (p: number) => (p < 0.001 ? "< 0.001" : format.number(p, { maximumSignificantDigits: 3 }));
  const interval = (r: FrequentistResult | { expected: number; ci: [number, number] }) =>
    `${pct(r.ci[0], true)} … ${pct(r.ci[1], true)}`;
  const currency = results.campaign.currency;
  // Weights as displayed add up to exactly 100 %.
  const weights = displayPercents(results.arms.map((a) => a.weight)).map((x) =>
    format.number(x / 100, { style: "percent", maximumFractionDigits: 1 }),
  );
  return (
    <section aria-labelledby="table-title">
      <h2 id="table-title" className="font-serif text-2xl">
        {t("tableTitle")}
      </h2>
      <p className="text-sm text-muted">{t("definition", { days: results.windowDays })}</p>
      <DataTable
        labelledBy="table-title"
        className="mt-3 min-w-[64rem] [&_td]:px-2 [&_th]:px-2"
        headClassName="align-bottom"
        columns={[
          { label: t("col.variant"), className: "py-2" },
          { label: t("col.weight"), numeric: true },
          { label: t("col.visitors"), numeric: true },
          { label: t("col.conversions"), numeric: true },
          { label: t("col.rate"), numeric: true },
          { label: t("col.revenue"), numeric: true },
          { label: t("col.rpv"), numeric: true },
          { label: t("col.absolute"), className: "pl-4" },
          { label: t("col.relative") },
          { label: t("col.bayes") },
          { label: t("col.rpvUplift") },
        ]}
      >
        {results.arms.map((a, i) => {
          const c = a.vsControl;
          return (
            <DataRow key={a.position} className="align-top" data-variant-row={a.key}>
              <th scope="row" className="py-2 text-left font-medium">
                {a.name}
                <div className="text-xs font-normal text-muted">{a.key}</div>
              </th>
              <td className="text-right tabular-nums">{weights[i]}</td>
              <td className="text-right tabular-nums" data-metric="visitors">
                {format.number(a.visitors)}
              </td>
              <td className="text-right tabular-nums" data-metric="conversions">
                {format.number(a.conversions)}
              </td>
              <td className="text-right tabular-nums">{pct(a.conversionRate)}</td>
              <td className="text-right tabular-nums">
                <Price amount={Math.round(a.revenue)} currency={currency} />
              </td>
              <td className="text-right tabular-nums">
                <Price amount={Math.round(a.revenuePerVisitor)} currency={currency} />
              </td>
              {c === null ? (
                <td colSpan={4} className="pl-4 text-muted">
                  {t("baseline")}
                </td>
              ) : c.conversionDegenerate ? (
                <td colSpan={4} className="pl-4 text-muted">
                  {t(`degenerate.${c.conversionDegenerate}`)}
                </td>
              ) : (
                <>
                  <td className="pl-4 tabular-nums">
                    {pct(c.conversionAbsolute.expected, true)}
                    <div className="text-xs text-muted">
                      {interval(c.conversionAbsolute)} · p {pValue(c.conversionAbsolute.pValue)}
                    </div>
                  </td>
                  <td className="tabular-nums">
                    {pct(c.conversionRelative.expected, true)}
                    <div className="text-xs text-muted">
                      {interval(c.conversionRelative)} · p {pValue(c.conversionRelative.pValue)}
                    </div>
                  </td>
                  <td className="tabular-nums">
                    {t("chanceToWin", { p: pct(c.conversionBayes.chanceToWin) })}
                    <div className="text-xs text-muted">{interval(c.conversionBayes)}</div>
                  </td>
                  <td className="tabular-nums">
                    {c.revenueDegenerate ? (
                      <span className="text-muted">{t(`degenerate.${c.revenueDegenerate}`)}</span>
                    ) : (
                      <>
                        {pct(c.revenueRelative.expected, true)}
                        <div className="text-xs text-muted">
                          {interval(c.revenueRelative)} · p {pValue(c.revenueRelative.pValue)}
                        </div>
                      </>
                    )}
                  </td>
                </>
              )}
            </DataRow>
          );
        })}
      </DataTable>
      <p className="mt-2 text-xs text-muted">
        {results.experiment.sequential
          ? t("methodsSequential", { tuning: format.number(results.experiment.sequentialTuning) })
          : t("methods")}
      </p>
      {results.experiment.mode === "bandit" && <p className="mt-1 text-xs text-muted">{t("banditCaveat")}</p>}
    </section>
  );
}
