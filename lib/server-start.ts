import { refuseForbiddenMethods } from "./method-guard";
import { productionConfigProblems } from "./secrets";

/**
 * What a server process does once at start, before serving (called from instrumentation.ts): check
 * its configuration, then start the background loops that run beside the web server.
 */
export async function startServer(): Promise<void> {
  refuseWeakConfig();
  refuseForbiddenMethods();
}

/**
 * A production server with a missing or guessable signing secret would accept cookies anyone can forge:
 * it must not serve at all. Checked here, at start, and not when lib/env.ts is imported, because
 * `next build` imports that module with NODE_ENV=production and no secrets.
 */
function refuseWeakConfig(): void {
  if (process.env.NODE_ENV !== "production") return;
  const problems = productionConfigProblems(process.env);
  if (problems.length === 0) return;
  console.error(`Atelier refuses to start: ${problems.join("; ")}.`);
  process.exit(1);
}
