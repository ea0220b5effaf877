/**
 * CSV exports of experiment results (RFC 4180: comma separated, CRLF, fields quoted when needed).
 * Money columns are in major units of the campaign currency; rates and uplifts are fractions.
 */
import { currencyExponent } from "@/lib/money";
import type { ExperimentResults } from "./results";

function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  // A leading = + - @ would be read as a formula by spreadsheet software.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function summaryCsv(r: ExperimentResults): string {
  const major = (minor: number) => minor / 10 ** currencyExponent(r.campaign.currency);
  const header = [
    "experiment",
    "bucket_version",
    "variant_position",
    "variant_key",
    "variant_name",
    "weight",
    "visitors",
    "conversions",
    "orders",
    "conversion_rate",
    `revenue_${r.campaign.currency}`,
    `revenue_per_visitor_${r.campaign.currency}`,
    "abs_uplift",
    "abs_ci_low",
    "abs_ci_high",
    "abs_p_value",
    "rel_uplift",
    "rel_ci_low",
    "rel_ci_high",
    "rel_p_value",
    "bayes_chance_to_win",
    "bayes_rel_ci_low",
    "bayes_rel_ci_high",
    "rpv_rel_uplift",
    "rpv_rel_ci_low",
    "rpv_rel_ci_high",
    "rpv_p_value",
    "srm_p_value",
  ];
  const rows = r.arms.map((a) => {
    const c = a.vsControl;
    return [
      r.experiment.key,
      r.experiment.bucketVersion,
      a.position,
      a.key,
      a.name,
      a.weight,
      a.visitors,
      a.conversions,
      a.orders,
      a.conversionRate,
      major(a.revenue),
      major(a.revenuePerVisitor),
      c?.conversionAbsolute.expected ?? null,
      c?.conversionAbsolute.ci[0] ?? null,
      c?.conversionAbsolute.ci[1] ?? null,
      c?.conversionAbsolute.pValue ?? null,
      c?.conversionRelative.expected ?? null,
      c?.conversionRelative.ci[0] ?? null,
      c?.conversionRelative.ci[1] ?? null,
      c?.conversionRelative.pValue ?? null,
      c?.conversionBayes.chanceToWin ?? null,
      c?.conversionBayes.ci[0] ?? null,
      c?.conversionBayes.ci[1] ?? null,
      c?.revenueRelative.expected ?? null,
      c?.revenueRelative.ci[0] ?? null,
      c?.revenueRelative.ci[1] ?? null,
      c?.revenueRelative.pValue ?? null,
      r.srm.pValue,
    ];
  });
  return toCsv([header, ...rows]);
}

export function dailyCsv(r: ExperimentResults): string {
  const header = [
    "day",
    "variant_key",
    "visitors",
    "conversions",
    "cumulative_visitors",
    "cumulative_conversions",
    "cumulative_rate",
  ];
  const rows = r.daily.flatMap((d) =>
    d.arms.map((a, i) => [
      d.day,
      r.arms[i]?.key ?? String(i),
      a.visitors,
      a.conversions,
      a.cumVisitors,
      a.cumConversions,
      a.cumRate,
    ]),
  );
  return toCsv([header, ...rows]);
}
