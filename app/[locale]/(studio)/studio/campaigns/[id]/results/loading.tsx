import { getTranslations } from "next-intl/server";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

/**
 * While the experiment is analysed (the slowest studio page): its outline, so nothing jumps when it
 * arrives. Campaign and title with the downloads, the sample-ratio line, the recommendation, the
 * results table, then the two charts.
 */
export default async function ResultsLoading() {
  const t = await getTranslations("loading");
  return (
    <LoadingRegion label={t("results")} className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-full space-y-2">
          <Skeleton className="h-4 w-40 max-w-full" />
          <Skeleton className="h-9 w-72 max-w-full" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <div className="max-w-full space-y-2">
          <Skeleton className="h-4 w-44 max-w-full" />
          <Skeleton className="h-4 w-44 max-w-full" />
        </div>
      </div>
      <Skeleton className="h-4 w-80 max-w-full" />
      <Skeleton className="h-28 w-full rounded-lg" />
      <div className="space-y-3">
        <Skeleton className="h-6 w-48 max-w-full" />
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-6 w-56 max-w-full" />
            <Skeleton className="h-64 w-full" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
