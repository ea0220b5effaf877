"use client";

import { useEffect, useRef } from "react";
import type { TrackedSlot } from "@/lib/tracking/schema";
import { sendEvents } from "./beacon";

export type TrackedItem = { productId: string; source: string; rank: number };

/**
 * Impressions and clicks of a server-rendered strip: impressions once when half of it is visible,
 * clicks by delegation from any link inside an element carrying data-reco-product.
 */
export function StripTracker({
  slot,
  items,
  children,
}: {
  slot: TrackedSlot;
  items: TrackedItem[];
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || items.length === 0) return;
    let done = false;
    const observer = new IntersectionObserver(
      (entries) => {
        if (done || !entries.some((e) => e.isIntersecting)) return;
        done = true;
        sendEvents(items.map((i) => ({ type: "reco_impression", slot, ...i })));
        observer.disconnect();
      },
      { threshold: 0.5 },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [items, slot]);
  const onClick = (event: React.MouseEvent) => {
    const target = event.target as HTMLElement;
    if (!target.closest("a")) return;
    const id = target.closest<HTMLElement>("[data-reco-product]")?.dataset.recoProduct;
    const item = items.find((i) => i.productId === id);
    if (item) sendEvents([{ type: "reco_click", slot, ...item }]);
  };
  return (
    <div ref={ref} onClickCapture={onClick}>
      {children}
    </div>
  );
}
