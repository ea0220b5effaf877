/**
 * LISTEN on a PostgreSQL channel, on either driver. A NOTIFY sent inside a transaction is delivered
 * only when it commits, which is what makes it a safe wake-up for the outbox: the worker never looks
 * for mail that is not there yet. On a server the listener holds its own connection and reconnects
 * after a failure (the schedule covers the gap); PGlite delivers notifications in-process.
 */
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import type { QueueDatabase } from "./boss";

export type Listener = { stop(): Promise<void> };

/**
 * `onNotify` gets the notification's payload; after a (re)connect it is called once without one, for
 * whatever was notified while nobody listened.
 */
export async function listen(
  database: QueueDatabase,
  channel: string,
  onNotify: (payload?: string) => void,
): Promise<Listener> {
  if (!("url" in database)) return listenPglite(database.pglite, channel, onNotify);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const connect = async () => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: database.url, application_name: "atelier-listener" });
    next.on("notification", (message) => {
      if (message.channel === channel) onNotify(message.payload);
    });
    next.on("error", (error) => {
      console.warn(`[jobs] listener on ${channel} lost its connection: ${error.message}`);
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      if (!stopped) retry = setTimeout(() => void connect(), 5_000).unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
      client = next;
      // Whatever was notified while disconnected is picked up by this call.
      onNotify();
    } catch (error) {
      console.warn(`[jobs] could not listen on ${channel}:`, (error as Error).message);
      void next.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect(), 5_000).unref();
    }
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

async function listenPglite(pglite: PGlite, channel: string, onNotify: (payload?: string) => void): Promise<Listener> {
  const unlisten = await pglite.listen(channel, (payload) => onNotify(payload));
  return { stop: () => unlisten() };
}
