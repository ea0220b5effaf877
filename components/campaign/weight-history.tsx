import { getFormatter, getTranslations } from "next-intl/server";
import { displayPercents } from "@/lib/experiments/bandit";
import type { WeightChange } from "@/lib/experiments/store/history";

/** Launches, relaunches and bandit updates, with the per-arm data each bandit update used. */
export async function WeightHistory({ history, variantNames }: { history: WeightChange[]; variantNames: string[] }) {
  const [t, format] = await Promise.all([getTranslations("results.history"), getFormatter()]);
  // Weights as displayed add up to exactly 100 % (largest remainder), never 74.98 % + 25.03 %.
  const percents = (weights: number[]) =>
    displayPercents(weights).map((x) => format.number(x / 100, { style: "percent", maximumFractionDigits: 1 }));
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <ol className="mt-3 space-y-2 text-sm">
        {history.map((h, i) => {
          const arms = Array.isArray(h.data?.arms) ? (h.data.arms as { n: number; conversions: number }[]) : null;
          return (
            <li key={i} className="rounded border border-line bg-white px-3 py-2">
              <span className="font-medium">{t(`reason.${h.reason}`)}</span> · {format.dateTime(h.startsAt, "dateTime")}{" "}
              · v{h.bucketVersion}
              <div className="text-muted">
                {percents(h.weights)
                  .map((w, j) => `${variantNames[j] ?? j}: ${w}`)
                  .join(" · ")}
              </div>
              {arms && (
                <div className="text-xs text-muted">
                  {t("data", {
                    arms: arms.map((a, j) => `${variantNames[j] ?? j} ${a.conversions}/${a.n}`).join(" · "),
                  })}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
