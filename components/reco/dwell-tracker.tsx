"use client";

import { useEffect } from "react";
import { MAX_DWELL_MS } from "@/lib/tracking/limits";
import { sendEvents } from "./beacon";

/** Shorter visible spells (a prerendered or instantly left tab) are noise, not a view. */
const MIN_SPELL_MS = 500;

/**
 * Measures how long the product page is actually visible (Page Visibility API) and reports it as a
 * view. Each visible spell is sent when it ends (tab hidden, page left, client navigation away), since
 * a hidden tab may never come back; returning to the tab starts a new spell, reported as another view.
 */
export function DwellTracker({ productId }: { productId: string }) {
  useEffect(() => {
    let since: number | null = document.visibilityState === "visible" ? performance.now() : null;
    const endSpell = () => {
      if (since === null) return;
      const dwellMs = Math.min(MAX_DWELL_MS, Math.round(performance.now() - since));
      since = null;
      if (dwellMs >= MIN_SPELL_MS) sendEvents([{ type: "view", productId, dwellMs }]);
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") endSpell();
      else if (since === null) since = performance.now();
    };
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("pagehide", endSpell);
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("pagehide", endSpell);
      endSpell();
    };
  }, [productId]);
  return null;
}
