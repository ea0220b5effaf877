import { QueryClient } from "@tanstack/react-query";
import type { Slot } from "@/lib/reco/slots";

/**
 * One factory for the browser's query client and the server's prefetch client, so both agree on
 * staleTime: lists change once per refresh, so a minute without refetching costs nothing.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } } });
}

export const recoQueryKey = (slot: Slot, limit: number) => ["reco", slot, limit] as const;
