/**
 * The proxy's cost as HTTP throughput: two production servers of the same source, one with proxy.ts
 * and one without it (a copy of the tracked files with proxy.ts removed), loaded side by side.
 *   npm run bench:proxy-http -- [--seconds 8] [--connections 8] [--runs 3] [--reuse]
 * Builds copies of the working tree (tracked files, uncommitted edits included) under
 * $TMPDIR/atelier-bench-proxy/{with,without}; --reuse keeps builds that exist, whatever their source.
 * Starts both with `next start` on free ports, each on a fresh embedded database under the copy's
 * .data/bench-proxy-<name> (migrated and seeded on start; DATABASE_URL, when set, is passed to both and
 * shared), and alternates the runs (with, without, with, ...) so drift hits both alike. Server output
 * goes to <copy>/server-proxy-<name>.log (scripts/bench-server.ts). The servers are stopped on exit, error, Ctrl-C and SIGTERM.
 * Scenarios: a campaign landing page for a new visitor (the proxy assigns a variant, signs cookies)
 * and for a returning one (verifies them), and a catalogue page (visitor cookie check only).
 * Prints req/s and p50/p99 latency per scenario and build, the median over runs.
 * Exit codes: 0 ok, 1 failed, 2 bad flags.
 */
import { rmSync } from "node:fs";
import http from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { build, describeBuild, hasBuild, runBench, snapshot, startServer } from "./bench-server";
import { readFlags } from "./cli";
import { freePort, httpGet, loadTest, median, type LoadSample } from "./http-load";

const USAGE = "usage: tsx scripts/bench-proxy-http.ts [--seconds N] [--connections N] [--runs N] [--reuse]";
const Flags = z.object({
  seconds: z.coerce.number().min(1).max(600).default(8),
  connections: z.coerce.number().int().min(1).max(256).default(8),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  reuse: z.boolean().default(false),
});

const WORK = join(tmpdir(), "atelier-bench-proxy");
const CONSENT = "atelier_consent=analytics";

type Build = { name: "with" | "without"; dir: string; port: number };
const ASSIGNMENT_COOKIE_PREFIX = "atelier_ab_";
type Sample = { requests: number; errors: number; perSecond: number; p50: number; p99: number };

/**
 * Both builds, from one snapshot of the tracked files (uncommitted edits included), so they differ only
 * by proxy.ts even while other work changes the tree: `with` is copied from the repository, `without`
 * from that copy before it is built. --reuse skips all of it when both builds exist, and rebuilds both
 * otherwise.
 */
function prepare(builds: Build[], reuse: boolean): void {
  if (reuse && builds.every((b) => hasBuild(b.dir))) return;
  snapshot(builds[0]!.dir);
  snapshot(builds[1]!.dir, builds[0]!.dir);
  rmSync(join(builds[1]!.dir, "proxy.ts"));
  for (const b of builds) build(b.dir, `${b.name} proxy.ts`);
}

async function main() {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench-proxy-http",
    usage: USAGE,
    schema: Flags,
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      runs: { type: "string" },
      reuse: { type: "boolean" },
    },
  });
  const builds: Build[] = [
    { name: "with", dir: join(WORK, "with"), port: 0 },
    { name: "without", dir: join(WORK, "without"), port: 0 },
  ];
  prepare(builds, flags.reuse);
  for (const build of builds) build.port = await freePort();
  await Promise.all(
    builds.map((b) =>
      startServer({ dir: b.dir, port: b.port, label: `proxy-${b.name}`, databaseUrl: process.env.DATABASE_URL }),
    ),
  );

  // A returning visitor's cookies, as the with-proxy server set them (the other ignores them).
  const probe = await httpGet(
    { host: "127.0.0.1", port: builds[0]!.port, path: "/c/ink-and-paper" },
    new http.Agent(),
    CONSENT,
  );
  if (probe.status !== 200) throw new Error(`landing page answered ${probe.status}`);
  const returning = [CONSENT, ...probe.cookies.map((c) => c.split(";")[0])].join("; ");
  // Without an assignment cookie the "returning visitor" case would measure nothing of interest.
  if (!returning.includes(ASSIGNMENT_COOKIE_PREFIX))
    throw new Error("the landing page set no assignment cookie: is its experiment running?");
  const visitor = returning.split("; ").find((c) => c.startsWith("atelier_vid=")) ?? "";
  const scenarios = [
    { name: "landing /c/ink-and-paper, new visitor", path: "/c/ink-and-paper", cookie: () => CONSENT },
    { name: "landing /c/ink-and-paper, returning visitor", path: "/c/ink-and-paper", cookie: () => returning },
    { name: "catalogue /courses, returning visitor", path: "/courses", cookie: () => [CONSENT, visitor].join("; ") },
  ];

  console.log(
    `proxy.ts over HTTP: next start, ${flags.connections} keep-alive connections, ${flags.seconds} s per run, median of ${flags.runs} runs`,
  );
  console.log(`source: ${describeBuild(builds[0]!.dir)}`);
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node ${process.version}; client and servers share it\n`,
  );
  console.log(
    `${"scenario".padEnd(46)} ${"req/s with".padStart(11)} ${"without".padStart(9)} ${"cost".padStart(7)}   ${"p50/p99 ms with".padStart(16)} ${"without".padStart(13)}   req/s per run with | without`,
  );
  const results: Record<string, unknown>[] = [];
  for (const s of scenarios) {
    const samples: Record<Build["name"], Sample[]> = { with: [], without: [] };
    for (const b of builds)
      await loadTest({ host: "127.0.0.1", port: b.port, path: s.path }, s.cookie, 2, flags.connections); // warm-up
    for (let r = 0; r < flags.runs; r++)
      for (const b of builds)
        samples[b.name].push(
          await loadTest({ host: "127.0.0.1", port: b.port, path: s.path }, s.cookie, flags.seconds, flags.connections),
        );
    const m = (name: Build["name"], key: keyof LoadSample) => median(samples[name].map((x) => x[key]));
    const errors = [...samples.with, ...samples.without].reduce((n, x) => n + x.errors, 0);
    const cost = 1 - m("with", "perSecond") / m("without", "perSecond");
    // Every run's rate, in the order run: on a small shared machine the spread says how far to trust the median.
    const perRun = (name: Build["name"]) => samples[name].map((x) => x.perSecond.toFixed(0)).join(" ");
    console.log(
      `${s.name.padEnd(46)} ${m("with", "perSecond").toFixed(0).padStart(11)} ${m("without", "perSecond").toFixed(0).padStart(9)} ${`${(cost * 100).toFixed(1)}%`.padStart(7)}   ${`${m("with", "p50").toFixed(1)}/${m("with", "p99").toFixed(1)}`.padStart(16)} ${`${m("without", "p50").toFixed(1)}/${m("without", "p99").toFixed(1)}`.padStart(13)}   ${perRun("with")} | ${perRun("without")}${errors ? `  (${errors} non-200)` : ""}`,
    );
    results.push({
      scenario: s.name,
      withPerSecond: Math.round(m("with", "perSecond")),
      withoutPerSecond: Math.round(m("without", "perSecond")),
      throughputCost: Number(cost.toFixed(3)),
      runsWith: samples.with.map((x) => Math.round(x.perSecond)),
      runsWithout: samples.without.map((x) => Math.round(x.perSecond)),
      errors,
    });
  }
  console.log(
    "\nWithout proxy.ts no request carries an assignment, so the landing page renders the control and skips the counted path " +
      "(session lookup; exposure write: every request for a new visitor, once per server for a returning one). The landing rows " +
      "are the proxy plus that path; the catalogue row is the proxy alone (visitor cookie check).",
  );
  console.log(JSON.stringify({ connections: flags.connections, seconds: flags.seconds, runs: flags.runs, results }));
}

runBench("bench-proxy-http", main);
