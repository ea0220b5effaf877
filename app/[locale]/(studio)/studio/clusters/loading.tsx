import { getTranslations } from "next-intl/server";
import { LoadingRegion, Skeleton } from "@/components/ui/skeleton";

/**
 * While the clusters are read (and their charts drawn): the page's outline, so nothing jumps when it
 * arrives. Title and intro, the recompute button, three charts, the trend chart, then the cluster cards.
 */
export default async function ClustersLoading() {
  const t = await getTranslations("loading");
  return (
    <LoadingRegion label={t("clusters")} className="space-y-10">
      <div className="space-y-3">
        <Skeleton className="h-9 w-72 max-w-full" />
        <Skeleton className="h-4 w-full max-w-3xl" />
        <Skeleton className="h-4 w-2/3 max-w-2xl" />
        <Skeleton className="h-4 w-96 max-w-full" />
        <Skeleton className="h-9 w-40 max-w-full rounded-full" />
      </div>
      <div className="grid gap-8 lg:grid-cols-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-2">
            <Skeleton className="h-5 w-40 max-w-full" />
            <Skeleton className="h-56 w-full" />
          </div>
        ))}
      </div>
      <div className="space-y-2">
        <Skeleton className="h-5 w-48 max-w-full" />
        <Skeleton className="h-72 w-full" />
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        {[0, 1].map((i) => (
          <div key={i} className="space-y-3 rounded-lg border border-line bg-white p-5">
            <Skeleton className="h-6 w-56 max-w-full" />
            <Skeleton className="h-4 w-32 max-w-full" />
            <Skeleton className="h-32 w-full" />
          </div>
        ))}
      </div>
    </LoadingRegion>
  );
}
