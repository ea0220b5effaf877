/**
 * Browser side of the event beacon: batches go out with navigator.sendBeacon (it survives the page
 * being closed), falling back to a keepalive fetch. Nothing is sent without analytics consent; the
 * server would drop it anyway, so this only saves the request.
 */
import type { BeaconEvent } from "@/lib/tracking/schema";
import { MAX_BATCH_EVENTS } from "@/lib/tracking/limits";
import { CONSENT_COOKIE } from "@/lib/visitor";

export function analyticsConsented(): boolean {
  if (typeof document === "undefined") return false;
  return document.cookie.split(";").some((c) => c.trim() === `${CONSENT_COOKIE}=analytics`);
}

export function sendEvents(events: readonly BeaconEvent[]): void {
  if (events.length === 0 || !analyticsConsented()) return;
  for (let start = 0; start < events.length; start += MAX_BATCH_EVENTS) {
    const body = JSON.stringify({ events: events.slice(start, start + MAX_BATCH_EVENTS) });
    const queued =
      typeof navigator.sendBeacon === "function" &&
      navigator.sendBeacon("/api/events", new Blob([body], { type: "application/json" }));
    if (!queued) {
      void fetch("/api/events", {
        method: "POST",
        body,
        keepalive: true,
        headers: { "content-type": "application/json" },
      }).catch(() => undefined);
    }
  }
}
