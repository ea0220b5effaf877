"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Re-renders the order page every couple of seconds while its payment is being confirmed, so the
 * buyer who came back from the provider sees "paid" as soon as the webhook lands. Stops after a few
 * minutes: a payment still pending then is waiting for the buyer, not for the provider.
 */
export function PaymentStatusRefresh({
  intervalMs = 1500,
  maxMs = 3 * 60_000,
}: {
  intervalMs?: number;
  maxMs?: number;
}) {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (Date.now() - started > maxMs) clearInterval(timer);
      else router.refresh();
    }, intervalMs);
    return () => clearInterval(timer);
  }, [router, intervalMs, maxMs]);
  return null;
}
