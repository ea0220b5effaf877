/**
 * What a server process does once at start, before serving (called from instrumentation.ts): check
 * its configuration, then start the background loops that run beside the web server.
 */
export async function startServer(): Promise<void> {
  // Configuration checks and background loops are added here.
  (await import("./mail/background")).startMailLoop();
}
