"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { recomputeAction } from "@/app/_actions/reco";
import { RecoQueryProvider } from "@/components/reco/reco-query-provider";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/actions";
import { isRunActive, type RecoRefreshRunView } from "@/lib/jobs/reco-refresh-view";

async function fetchRun(runId: string): Promise<RecoRefreshRunView> {
  const response = await fetch(`/api/studio/reco-refresh?run=${encodeURIComponent(runId)}`, { cache: "no-store" });
  if (!response.ok) throw new Error(`refresh status ${response.status}`);
  return (await response.json()) as RecoRefreshRunView;
}

const seconds = (ms: number | null) => ((ms ?? 0) / 1000).toFixed(1);

/**
 * "Recompute now" and the refresh it follows. Pressing it only queues the job (the worker runs it); the
 * panel then polls the run's stage and progress every second until it ends, without a reload, and
 * re-renders the page's figures once the new generation is in place.
 */
function Panel({ latest }: { latest: RecoRefreshRunView | null }) {
  const t = useTranslations("clusters");
  const te = useTranslations("errors");
  const format = useFormatter();
  const router = useRouter();
  const [state, action] = useActionState<FormState, FormData>(recomputeAction, null);
  const requested = state?.ok ? state.values?.runId : undefined;
  // The run this page asked for, else the latest one the server rendered.
  const runId = requested ?? latest?.id;

  const run = useQuery({
    queryKey: ["reco-refresh", runId],
    queryFn: () => fetchRun(runId!),
    enabled: Boolean(runId),
    initialData: runId === latest?.id ? (latest ?? undefined) : undefined,
    staleTime: 0,
    refetchInterval: (query) => (isRunActive(query.state.data) || !query.state.data ? 1000 : false),
  }).data;

  // Once a run this page watched ends, draw the page again with the new generation's figures.
  const watched = useRef(false);
  useEffect(() => {
    if (isRunActive(run)) watched.current = true;
    else if (watched.current && run) {
      watched.current = false;
      router.refresh();
    }
  }, [run, router]);

  const error =
    state && !state.ok
      ? state.error === "forbidden" || state.error === "sign_in_required"
        ? te(state.error)
        : t("failed")
      : null;
  const active = isRunActive(run);
  const percent = format.number(run?.progress ?? 0, { style: "percent" });

  return (
    <form action={action} className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={active} pendingLabel={t("recomputing")}>
          {t("recompute")}
        </SubmitButton>
        {active && (
          <progress
            className="h-2 w-48 accent-moss"
            max={1}
            value={run!.progress}
            aria-label={t("progressLabel")}
            aria-valuetext={percent}
          />
        )}
      </div>
      {/* One live region for every outcome, always in the page, so each change is announced. */}
      <p role="status" aria-live="polite" className="text-sm">
        {run?.state === "queued" && <span>{t("queued")}</span>}
        {run?.state === "running" && (
          <span>
            {t("running", {
              stage: run.stage ? t(`stage.${run.stage}` as "stage.load") : "",
              percent,
              seconds: seconds(run.durationMs),
            })}
          </span>
        )}
        {run?.state === "done" && requested === run.id && (
          <span className="text-moss">
            {t("done", { generation: String(run.generation ?? ""), seconds: seconds(run.durationMs) })}
          </span>
        )}
        {run?.state === "done" && requested !== run.id && run.finishedAt && (
          <span className="text-muted">
            {t("lastRun", {
              trigger: t(`trigger.${run.trigger}`),
              when: format.dateTime(new Date(run.finishedAt), "dateTime"),
              seconds: seconds(run.durationMs),
            })}
          </span>
        )}
        {run?.state === "failed" && (
          <span className="text-accent-dark">{t("failedRun", { seconds: seconds(run.durationMs) })}</span>
        )}
        {error && <span className="text-accent-dark">{error}</span>}
      </p>
    </form>
  );
}

export function RecomputePanel({ latest }: { latest: RecoRefreshRunView | null }) {
  return (
    <RecoQueryProvider>
      <Panel latest={latest} />
    </RecoQueryProvider>
  );
}
