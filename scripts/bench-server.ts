/**
 * What the production-server benchmarks share (bench:proxy-http, bench:pages): a snapshot of the working
 * tree built with `next build` in a directory of its own, and `next start` on it with a fresh database,
 * stopped on exit, error, Ctrl-C and SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import { dirname, join, resolve } from "node:path";
import { httpGet } from "./http-load";

export const REPO = resolve(dirname(new URL(import.meta.url).pathname), "..");
/** The build directory inside each copy, apart from a developer's .next and the e2e build. */
export const BENCH_DIST = ".next-bench";

const servers: ChildProcess[] = [];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed in ${cwd}`);
}

/**
 * Copies the tracked files of the repository (uncommitted edits included) to `dir`, hard-links
 * node_modules (cp -al: no space, seconds; Turbopack will not resolve packages through a symlink out of
 * the project) and notes where the copy came from in BENCH_SOURCE. `from` copies another snapshot
 * instead, so two builds can share one moment of the tree while other work changes it.
 */
export function snapshot(dir: string, from = REPO): void {
  const files = spawnSync("git", ["ls-files", "-z"], { cwd: REPO, encoding: "utf8" })
    .stdout.split("\0")
    .filter(Boolean);
  const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8" }).stdout.trim();
  const stamp = `${git("rev-parse", "--short", "HEAD")}${git("status", "--porcelain", "--untracked-files=no") ? " + uncommitted edits" : ""}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of files)
    if (existsSync(join(from, file))) cpSync(join(from, file), join(dir, file), { recursive: true });
  run("cp", ["-al", join(REPO, "node_modules"), join(dir, "node_modules")], dir);
  writeFileSync(join(dir, "BENCH_SOURCE"), `${from === REPO ? stamp : source(from)}\n`);
}

/**
 * Migrates and seeds the demo catalogue into a PostgreSQL database from the copy in `dir`: an embedded
 * database does that itself on first start, a server database is the operator's job (README).
 */
export function migrateAndSeed(dir: string, databaseUrl: string): void {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  run("npx", ["tsx", "scripts/db-migrate.ts"], dir, env);
  run("npx", ["tsx", "scripts/seed.ts"], dir, env);
}

export function hasBuild(dir: string): boolean {
  return existsSync(join(dir, BENCH_DIST, "BUILD_ID"));
}

export function build(dir: string, label: string): void {
  process.stderr.write(`building ${label} in ${dir} ...\n`);
  run("npx", ["next", "build"], dir, { ...process.env, NEXT_DIST_DIR: BENCH_DIST, NEXT_TELEMETRY_DISABLED: "1" });
}

/** "abc1234 + uncommitted edits, built 2026-12-07T16:00:00.000Z" */
export function describeBuild(dir: string): string {
  return `working tree at ${source(dir)}, built ${statSync(join(dir, BENCH_DIST, "BUILD_ID")).mtime.toISOString()}`;
}

function source(dir: string): string {
  return existsSync(join(dir, "BENCH_SOURCE")) ? readFileSync(join(dir, "BENCH_SOURCE"), "utf8").trim() : "?";
}

export type ServerOptions = {
  dir: string;
  port: number;
  /** Names the log file (<dir>/server-<label>.log) and errors. */
  label: string;
  /** The PostgreSQL database to serve from; without it, a fresh embedded one. */
  databaseUrl?: string;
  /** More environment for the server (e.g. DEMO_POPULATION). */
  env?: Record<string, string>;
};

/**
 * `next start` on a built copy, on a fresh database every start (so runs never depend on what an earlier
 * run wrote): the PostgreSQL database the caller passes (`databaseUrl`), or a new embedded one
 * under <dir>/.data/bench-<label>, migrated and seeded on start. Resolves once /api/health answers 200.
 */
export async function startServer(options: ServerOptions): Promise<ChildProcess> {
  const dataDir = join(options.dir, ".data", `bench-${options.label}`);
  rmSync(dataDir, { recursive: true, force: true });
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const env = {
    ...inherited,
    NEXT_DIST_DIR: BENCH_DIST,
    PGLITE_DIR: dataDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production" as const,
    // No payments are taken here: the default simulated provider, which production refuses unless asked for.
    ALLOW_SIMULATED_PAYMENTS: process.env.ALLOW_SIMULATED_PAYMENTS ?? "true",
    // A production server refuses to start without strong secrets (lib/server-start.ts): fresh ones.
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    EXPERIMENT_SECRET: randomBytes(32).toString("base64url"),
    SIM_PAYMENT_SECRET: randomBytes(32).toString("base64url"),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXT_DEPLOYMENT_ID: "bench",
    SITE_URL: `http://127.0.0.1:${options.port}`,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const logFile = join(options.dir, `server-${options.label}.log`);
  const log = openSync(logFile, "w");
  // Its own process group (detached), so stopping it also stops the node process npx starts.
  const child = spawn("npx", ["next", "start", "--port", String(options.port)], {
    cwd: options.dir,
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
    if (exited !== null) throw new Error(`${options.label}: next start exited (${exited}), see ${logFile}`);
    const ok = await httpGet({ host: "127.0.0.1", port: options.port, path: "/api/health" }, agent, "").then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${options.label}: the server did not answer /api/health, see ${logFile}`);
}

/** Stops one server (its whole process group) and waits for it to go. */
export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const gone = new Promise((r) => child.once("exit", r));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  await gone;
}

function stopAll() {
  for (const child of servers)
    if (child.pid && child.exitCode === null && child.signalCode === null)
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
}

/** Runs a benchmark's main: servers stopped however it ends; exit 0, or 1 with the error printed. */
export function runBench(name: string, main: () => Promise<void>): void {
  process.on("exit", stopAll);
  process.on("SIGINT", () => process.exit(130));
  process.on("SIGTERM", () => process.exit(143));
  main().then(
    () => {
      stopAll();
      process.exit(0);
    },
    (error: unknown) => {
      stopAll();
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
