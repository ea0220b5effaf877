/**
 * The proxy's cost as HTTP throughput: two production servers of the same source, one with proxy.ts
 * and one without it (a copy of the tracked files with proxy.ts removed), loaded side by side.
 *   npm run bench:proxy-http -- [--seconds 8] [--connections 8] [--runs 3] [--reuse]
 * Builds copies of the working tree (tracked files, uncommitted edits included) under
 * $TMPDIR/atelier-bench-proxy/{with,without}; --reuse keeps builds that exist, whatever their source.
 * Starts both with `next start` on free ports, each on a fresh embedded database under the copy's
 * .data/bench-proxy-<name> (migrated and seeded on start; DATABASE_URL, when set, is passed to both and
 * shared), and alternates the runs (with, without, with, ...) so drift hits both alike. Server output
 * goes to <copy>/server.log. The servers are stopped on exit, error, Ctrl-C and SIGTERM.
 * Scenarios: a campaign landing page for a new visitor (the proxy assigns a variant, signs cookies)
 * and for a returning one (verifies them), and a catalogue page (visitor cookie check only).
 * Prints req/s and p50/p99 latency per scenario and build, the median over runs.
 * Exit codes: 0 ok, 1 failed, 2 bad flags.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { readFlags } from "./cli";
import { freePort, httpGet, loadTest, median, type LoadSample } from "./http-load";

const USAGE = "usage: tsx scripts/bench-proxy-http.ts [--seconds N] [--connections N] [--runs N] [--reuse]";
const Flags = z.object({
  seconds: z.coerce.number().min(1).max(600).default(8),
  connections: z.coerce.number().int().min(1).max(256).default(8),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  reuse: z.boolean().default(false),
});

const REPO = resolve(dirname(new URL(import.meta.url).pathname), "..");
const WORK = join(tmpdir(), "atelier-bench-proxy");
const DIST = ".next-bench";
const CONSENT = "atelier_consent=analytics";
const servers: ChildProcess[] = [];

type Build = { name: "with" | "without"; dir: string; port: number };
const ASSIGNMENT_COOKIE_PREFIX = "atelier_ab_";
type Sample = { requests: number; errors: number; perSecond: number; p50: number; p99: number };

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/**
 * Both builds, from one snapshot of the tracked files (uncommitted edits included), so they differ only
 * by proxy.ts even while other work changes the tree: `with` is copied from the repository, `without`
 * from that copy before it is built. node_modules is hard-linked (cp -al: no space, seconds), not
 * symlinked: Turbopack will not resolve packages through a link out of the project. --reuse skips all
 * of it when both builds exist, and rebuilds both otherwise.
 */
function prepare(builds: Build[], reuse: boolean): void {
  if (reuse && builds.every((b) => existsSync(join(b.dir, DIST, "BUILD_ID")))) return;
  const files = spawnSync("git", ["ls-files", "-z"], { cwd: REPO, encoding: "utf8" })
    .stdout.split("\0")
    .filter(Boolean);
  const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8" }).stdout.trim();
  const stamp = `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? " + uncommitted edits" : ""}`;
  let from = REPO;
  for (const build of builds) {
    rmSync(build.dir, { recursive: true, force: true });
    mkdirSync(build.dir, { recursive: true });
    for (const file of files)
      if (existsSync(join(from, file))) cpSync(join(from, file), join(build.dir, file), { recursive: true });
    run("cp", ["-al", join(REPO, "node_modules"), join(build.dir, "node_modules")], build.dir);
    writeFileSync(join(build.dir, "BENCH_SOURCE"), `${stamp}\n`);
    from = build.dir;
  }
  for (const build of builds) {
    if (build.name === "without") rmSync(join(build.dir, "proxy.ts"));
    process.stderr.write(`building ${build.name} proxy.ts in ${build.dir} ...\n`);
    run("npx", ["next", "build"], build.dir, { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" });
  }
}

async function start(build: Build): Promise<void> {
  // A fresh database every start, so runs never depend on what an earlier run wrote (exposures).
  const dataDir = join(build.dir, ".data", `bench-proxy-${build.name}`);
  rmSync(dataDir, { recursive: true, force: true });
  const env = {
    ...process.env,
    NEXT_DIST_DIR: DIST,
    PGLITE_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
    // No payments are taken here: the default simulated provider, which production refuses unless asked for.
    ALLOW_SIMULATED_PAYMENTS: process.env.ALLOW_SIMULATED_PAYMENTS ?? "true",
  };
  const log = openSync(join(build.dir, "server.log"), "w");
  // Its own process group (detached), so stopping it also stops the node process npx starts.
  const child = spawn("npx", ["next", "start", "--port", String(build.port)], {
    cwd: build.dir,
    env,
    stdio: ["ignore", log, log],
    detached: true,
  });
  servers.push(child);
  let exited: number | null = null;
  child.on("exit", (code) => (exited = code ?? -1));
  const agent = new http.Agent();
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (exited !== null)
      throw new Error(`${build.name}: next start exited (${exited}), see ${join(build.dir, "server.log")}`);
    const ok = await httpGet({ host: "127.0.0.1", port: build.port, path: "/api/health" }, agent, "").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${build.name}: the server did not answer /api/health`);
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
  await Promise.all(builds.map(start));

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
  const source = (b: Build) =>
    existsSync(join(b.dir, "BENCH_SOURCE")) ? readFileSync(join(b.dir, "BENCH_SOURCE"), "utf8").trim() : "?";
  console.log(
    `source: working tree at ${source(builds[0]!)}, built ${statSync(join(builds[0]!.dir, DIST, "BUILD_ID")).mtime.toISOString()}`,
  );
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

function stopServers() {
  for (const child of servers)
    if (child.pid)
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
}
process.on("exit", stopServers);
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));
main().then(
  () => {
    stopServers();
    process.exit(0);
  },
  (error: unknown) => {
    stopServers();
    console.error(`bench-proxy-http: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
