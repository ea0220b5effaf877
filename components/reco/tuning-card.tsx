import { getTranslations } from "next-intl/server";
import { z } from "zod";

/** What the refresh stored about its tuning (lib/reco/refresh/refresh.ts, stats.tuning). */
const TuningSchema = z.object({
  params: z.object({
    itemknn: z.object({ k: z.number(), shrink: z.number() }),
    userknn: z.object({ k: z.number(), shrink: z.number() }),
    ease: z.object({ lambda: z.number() }),
    rp3beta: z.object({ alpha: z.number(), beta: z.number() }),
    als: z.object({ regularization: z.number(), alpha: z.number() }).optional(),
  }),
  weights: z.record(z.string(), z.record(z.string(), z.number())),
  validation: z.record(
    z.string(),
    z.object({ users: z.number(), blend: z.number(), best: z.object({ source: z.string(), ndcg: z.number() }) }),
  ),
  skipped: z.array(z.string()),
  trials: z.number(),
  ms: z.number(),
  budgetMs: z.number(),
});

const SLOTS = ["for_you", "art_for_learners", "courses_for_collectors"] as const;
const SOURCES = ["itemknn", "ease", "als", "rp3beta", "userknn", "content", "lda", "graph", "cluster", "pop"] as const;

/**
 * How the last refresh blends its sources: the weights and hyper-parameters it learned on a validation
 * split, and how the blend scored there against its best single source. Renders nothing for a
 * generation written before tuning existed.
 */
export async function TuningCard({ stats }: { stats: Record<string, unknown> | undefined }) {
  const parsed = TuningSchema.safeParse(stats?.tuning);
  if (!parsed.success) return null;
  const tuning = parsed.data;
  const t = await getTranslations("recoTuning");
  const strong = typeof stats?.strongModel === "string" ? stats.strongModel : "rp3beta";
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const p = tuning.params;
  return (
    <section aria-labelledby="reco-tuning" className="space-y-4 rounded-lg border border-line bg-white p-5">
      <h2 id="reco-tuning" className="font-serif text-xl">
        {t("title")}
      </h2>
      <p className="max-w-3xl text-sm text-muted">{t("intro", { strong: t(`source.${strong}`) })}</p>
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-sm">
          <caption className="sr-only">{t("weightsCaption")}</caption>
          <thead>
            <tr className="text-left">
              <th scope="col" className="py-1 pr-4 font-medium">
                {t("sourceHeader")}
              </th>
              {SLOTS.map((slot) => (
                <th key={slot} scope="col" className="py-1 pr-4 font-medium">
                  {t(`slot.${slot}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SOURCES.filter((s) => SLOTS.some((slot) => (tuning.weights[slot]?.[s] ?? 0) > 0)).map((s) => (
              <tr key={s} className="border-t border-line">
                <th scope="row" className="py-1 pr-4 text-left font-normal">
                  {t(`source.${s}`)}
                </th>
                {SLOTS.map((slot) => (
                  <td key={slot} className="py-1 pr-4 tabular-nums">
                    {(tuning.weights[slot]?.[s] ?? 0) > 0 ? pct(tuning.weights[slot]![s]!) : "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="space-y-1 text-sm">
        {SLOTS.map((slot) => {
          const v = tuning.validation[slot];
          return (
            <li key={slot}>
              {v
                ? t("validation", {
                    slot: t(`slot.${slot}`),
                    blend: v.blend.toFixed(3),
                    best: t(`source.${v.best.source}` as "source.pop"),
                    bestNdcg: v.best.ndcg.toFixed(3),
                    users: v.users,
                  })
                : t("notValidated", { slot: t(`slot.${slot}`) })}
            </li>
          );
        })}
      </ul>
      <p className="text-sm text-muted">
        {t("params", {
          knnK: p.itemknn.k,
          knnShrink: p.itemknn.shrink,
          lambda: p.ease.lambda,
          alpha: p.rp3beta.alpha,
          beta: p.rp3beta.beta,
          userK: p.userknn.k,
          userShrink: p.userknn.shrink,
        })}{" "}
        {strong === "als" && p.als && t("alsParams", { alpha: p.als.alpha, regularization: p.als.regularization })}{" "}
        {t("search", { trials: tuning.trials, seconds: Math.round(tuning.ms / 1000), budget: tuning.budgetMs / 1000 })}
        {tuning.skipped.length > 0 && <> {t("skipped", { list: tuning.skipped.join(", ") })}</>}
      </p>
    </section>
  );
}
