/**
 * The web server's mail delivery loop (started from lib/server-start.ts). One per process: dev hot
 * reload and the instrumentation bundle may import this module more than once, so the running loop is
 * kept on globalThis. Several processes may each run one; the claim in ./delivery.ts keeps them apart.
 */
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { startMailDelivery, type MailDelivery } from "./delivery";
import { configuredTransport } from "./transport";

const globalForMail = globalThis as unknown as { __atelierMailDelivery?: MailDelivery };

export function startMailLoop(): MailDelivery | undefined {
  // `next build` loads the server to prerender pages: no mail is sent from a build.
  if (process.env.NEXT_PHASE === "phase-production-build") return undefined;
  if (globalForMail.__atelierMailDelivery) return globalForMail.__atelierMailDelivery;
  const transport = configuredTransport();
  if (transport.name === "file")
    console.info(`[mail] SMTP_URL is not set: mail is written to ${env.MAIL_DIR} (listed at /dev/mail in development)`);
  const delivery = startMailDelivery({ getDb, transport });
  globalForMail.__atelierMailDelivery = {
    async stop() {
      globalForMail.__atelierMailDelivery = undefined;
      await delivery.stop();
    },
  };
  return globalForMail.__atelierMailDelivery;
}
