/**
 * Runs once when a server process starts (Next's instrumentation hook), before it serves a request.
 * Everything a server needs before serving lives in lib/server-start.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
