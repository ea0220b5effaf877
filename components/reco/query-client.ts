import { QueryClient } from "@tanstack/react-query";
import type { Slot } from "@/lib/reco/slots";

/**
 * One factory for the browser's query client and the server's prefetch client, so both agree on
 * staleTime: lists change once per refresh, so a minute without refetching costs nothing.
 */
export function makeQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 } } });
}

/** The page language is part of the key: a list read for a Chinese page holds Chinese titles. */
export const recoQueryKey = (slot: Slot, limit: number, locale: string) => ["reco", slot, limit, locale] as const;
