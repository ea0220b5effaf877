/**
 * The campaign form's own state: percentages and datetime-local strings as typed, turned into a
 * CampaignInput (fractions, ISO-ish dates) on submit. Shared by the server pages (initial values) and
 * the client form.
 */
import type { VariantContent } from "@/db/schema";
import { DEFAULT_SEQUENTIAL_TUNING } from "@/lib/experiments/stats";
import type { CampaignInput } from "./input";

export type VariantRow = {
  key: string;
  name: string;
  weight: string;
  content: VariantContent;
  /** Absent only in inputs from before the Chinese column (the form shows it blank). */
  contentZh?: VariantContent;
};
export type ExperimentRows = {
  mode: "fixed" | "bandit";
  coverage: string;
  cadenceMinutes: string;
  variants: VariantRow[];
  sequential: boolean;
  sequentialTuning: string;
  primaryMetric: "conversion" | "revenue";
  /** Percent, as typed (10 = +10 %). */
  minDetectableEffect: string;
  aa: boolean;
};
export type FormShape = Omit<CampaignInput, "experiment"> & { experiment: ExperimentRows };

export function toFormShape(input: CampaignInput): FormShape {
  return {
    ...input,
    startsAt: input.startsAt.slice(0, 16),
    endsAt: input.endsAt.slice(0, 16),
    experiment: {
      mode: input.experiment.mode,
      coverage: String(Math.round(input.experiment.coverage * 1000) / 10),
      cadenceMinutes: String(input.experiment.cadenceMinutes),
      variants: input.experiment.variants.map((v) => ({ ...v, weight: String(Math.round(v.weight * 10000) / 100) })),
      sequential: input.experiment.sequential ?? true,
      sequentialTuning: String(input.experiment.sequentialTuning ?? DEFAULT_SEQUENTIAL_TUNING),
      primaryMetric: input.experiment.primaryMetric ?? "conversion",
      minDetectableEffect: String(Math.round((input.experiment.minDetectableEffect ?? 0.1) * 10000) / 100),
      aa: input.experiment.aa ?? false,
    },
  };
}

/** Blank or malformed numbers become NaN, which the server rejects with a field error. */
export function fromFormShape(f: FormShape): CampaignInput {
  const num = (s: string) => (s.trim() === "" ? Number.NaN : Number(s));
  return {
    ...f,
    experiment: {
      mode: f.experiment.mode,
      coverage: num(f.experiment.coverage) / 100,
      cadenceMinutes: num(f.experiment.cadenceMinutes),
      variants: f.experiment.variants.map((v) => ({ ...v, weight: num(v.weight) / 100 })),
      sequential: f.experiment.sequential,
      sequentialTuning: num(f.experiment.sequentialTuning),
      primaryMetric: f.experiment.primaryMetric,
      minDetectableEffect: num(f.experiment.minDetectableEffect) / 100,
      aa: f.experiment.aa,
    },
  };
}
