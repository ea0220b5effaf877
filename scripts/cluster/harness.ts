/**
 * A whole installation on this machine, as compose.yaml describes it for production: one fresh database
 * on the local PostgreSQL server (migrated with `npm run db:migrate`, seeded with `npm run db:seed`), an
 * S3 bucket on s3rver, `npm run worker`, app instances (`next start` of an existing production build)
 * and nginx in front of them with the directives of deploy/nginx.conf. Used by `npm run cluster`
 * (scripts/cluster.ts) and `npm run bench:cluster` (scripts/bench-cluster.ts).
 *
 * Everything it starts is registered for `stopAll()`: processes are stopped by process group, the
 * database is dropped, the scratch folder removed (kept, with the logs, when the caller says the run
 * failed). `onExitSignals()` runs the same on Ctrl-C and SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";
import { freePort } from "../http-load";
import { startTestS3, type TestS3 } from "@/test/s3-server";

export const REPO = resolve(dirname(new URL(import.meta.url).pathname), "../..");

export type Log = (line: string) => void;

// ---------------------------------------------------------------------------------------------------
// Cleanup: everything started is stopped, in reverse order, once.

type Cleanup = { name: string; run: () => Promise<void> };
const cleanups: Cleanup[] = [];
const children = new Set<ChildProcess>();
let stopping: Promise<void> | null = null;

function onCleanup(name: string, run: () => Promise<void>): void {
  cleanups.push({ name, run });
}

/** Stops everything this module started (idempotent). */
export function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup.run();
      } catch (error) {
        console.error(`cleanup (${cleanup.name}) failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return stopping;
}

let interruptedBy: NodeJS.Signals | null = null;

/** The signal that interrupted the run, if one did: callers stop starting new work. */
export function interrupted(): NodeJS.Signals | null {
  return interruptedBy;
}

/**
 * Ctrl-C, SIGTERM and SIGHUP stop everything, then `beforeExit` runs (a last summary line) and the
 * process exits; a last synchronous kill of what is left on any exit.
 */
export function onExitSignals(beforeExit: () => void = () => undefined): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.once(signal, () => {
      interruptedBy = signal;
      console.error(`\n${signal}: stopping the cluster`);
      void stopAll().finally(() => {
        beforeExit();
        process.exit(code);
      });
    });
  }
  process.once("exit", () => {
    for (const child of children) killGroup(child, "SIGKILL");
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------------
// Processes

export type Service = {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** Resolves with the exit code (or signal) when the process group leader exits. */
  exited: Promise<string>;
  /** SIGTERM to the process group, SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
  /** SIGKILL to the whole process group, at once. */
  kill: () => Promise<void>;
};

/** Starts a command in its own process group (so stopping it stops what it started), output to a log. */
function startService(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Service {
  const fd = openSync(logFile, "a");
  const child = spawn(command, args, { cwd: REPO, env, stdio: ["ignore", fd, fd], detached: true });
  closeSync(fd);
  children.add(child);
  const exited = new Promise<string>((done) => {
    child.once("exit", (code, signal) => {
      children.delete(child);
      done(signal ?? `exit ${code}`);
    });
    child.once("error", (error) => {
      children.delete(child);
      done(`failed to start: ${error.message}`);
    });
  });
  const stop = async (graceMs = 10_000) => {
    if (!children.has(child)) return;
    killGroup(child, "SIGTERM");
    if ((await Promise.race([exited, sleep(graceMs).then(() => null)])) === null) {
      killGroup(child, "SIGKILL");
      await exited;
    }
  };
  const kill = async () => {
    killGroup(child, "SIGKILL");
    await exited;
  };
  return { name, child, logFile, exited, stop, kill };
}

/** Runs a command to completion (output to `logFile`); throws with the log's tail when it fails. */
async function runStep(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<void> {
  const service = startService(args.join(" "), command, args, env, logFile);
  const outcome = await service.exited;
  if (outcome !== "exit 0") throw new Error(`${command} ${args.join(" ")}: ${outcome}\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Polls `url` until it answers 200, the process exits, or `timeoutMs` passes. */
async function waitHealthy(url: string, service: Service | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | null = null;
  if (service) void service.exited.then((outcome) => (exited = outcome));
  while (Date.now() < deadline) {
    if (exited !== null)
      throw new Error(`${service?.name} exited (${exited}) before it was ready:\n${tail(service!.logFile)}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(5_000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s${service ? `:\n${tail(service.logFile)}` : ""}`);
}

// ---------------------------------------------------------------------------------------------------
// The database

/** The server the cluster's database is made on (an existing database to connect to as admin). */
export function adminUrl(): string {
  return process.env.CLUSTER_PG_URL ?? process.env.TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(), application_name: "atelier-cluster-admin" });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------
// nginx

/**
 * Debian's nginx, installed when missing (nginx-light, else nginx). The package's own service is not
 * used: each balancer is a foreground process with a generated configuration in a scratch folder.
 */
export function ensureNginx(log: Log): string {
  const bin = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
  if (existsSync(bin)) return bin;
  log("nginx is missing: installing Debian's nginx-light");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (...args: string[]) =>
    spawnSync(sudo[0] ?? "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
      env,
      stdio: ["ignore", "ignore", "inherit"],
    }).status === 0;
  const installed =
    apt("install", "-y", "-q", "nginx-light") ||
    (apt("update", "-q") && (apt("install", "-y", "-q", "nginx-light") || apt("install", "-y", "-q", "nginx")));
  if (!installed || !existsSync(bin)) throw new Error(`could not install nginx (${bin} is missing)`);
  return bin;
}

/**
 * The balancer's configuration: deploy/nginx.conf itself (its upstream parameters, server and location
 * directives), with the compose service names replaced by the given loopback ports, `listen 80` by a
 * loopback port, and every path nginx writes (pid, logs, temporary files) inside `dir`. A deploy file
 * this cannot adapt fails the run rather than test something else.
 */
export function nginxConfig(dir: string, listenPort: number, upstreamPorts: number[]): string {
  const deployed = readFileSync(join(REPO, "deploy/nginx.conf"), "utf8");
  const serverLine = /^([ \t]*)server[ \t]+[\w.-]+:\d+([ \t][^;\n]*)?;[ \t]*\n/gm;
  const first = serverLine.exec(deployed);
  if (!first || !/^\s*listen\s+80;\s*$/m.test(deployed))
    throw new Error(
      "deploy/nginx.conf has no `server host:port …;` upstream line or no `listen 80;`: update nginxConfig()",
    );
  const [indent = "  ", parameters = ""] = [first[1], first[2]];
  const servers = upstreamPorts.map((p) => `${indent}server 127.0.0.1:${p}${parameters};\n`).join("");
  let placed = false;
  const adapted = deployed
    .replace(serverLine, () => {
      if (placed) return "";
      placed = true;
      return servers;
    })
    .replace(/^([ \t]*)listen[ \t]+80;/m, `$1listen 127.0.0.1:${listenPort};`);
  return `# Generated by scripts/cluster/harness.ts from deploy/nginx.conf.
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/temp/client_body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;

${adapted}
}
`;
}

export type Balancer = { url: string; port: number; service: Service; dir: string };

/** Starts nginx in the foreground on `port`, in front of `upstreamPorts`, and waits until it proxies. */
export async function startBalancer(
  bin: string,
  scratch: string,
  name: string,
  port: number,
  upstreamPorts: number[],
): Promise<Balancer> {
  const dir = join(scratch, name);
  // Its workers run as an unprivileged user when started as root: they must reach the temp folders.
  mkdirSync(join(dir, "temp"), { recursive: true });
  chmodSync(scratch, 0o755);
  chmodSync(dir, 0o755);
  chmodSync(join(dir, "temp"), 0o777);
  writeFileSync(join(dir, "nginx.conf"), nginxConfig(dir, port, upstreamPorts));
  const service = startService(
    name,
    bin,
    ["-p", dir, "-c", join(dir, "nginx.conf"), "-e", join(dir, "error.log"), "-g", "daemon off;"],
    process.env,
    join(dir, "stdout.log"),
  );
  onCleanup(name, () => service.stop(5_000));
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(`${url}/api/health`, service, 30_000).catch((error: unknown) => {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${tail(join(dir, "error.log"))}`);
  });
  return { url, port, service, dir };
}

// ---------------------------------------------------------------------------------------------------
// The cluster

export type Instance = { name: string; port: number; url: string; service: Service; uploadDir: string };

export type Cluster = {
  scratch: string;
  dbName: string;
  dbUrl: string;
  /** The variables every instance and the worker share (the secrets among them). */
  env: Record<string, string>;
  s3: TestS3;
  instances: Instance[];
  worker: Service | null;
  nginxBin: string;
  balancer: Balancer;
  mailDir: string;
  /** Keeps the scratch folder (logs) when the cluster is stopped: call when the run failed. */
  keepLogs: () => void;
};

export type ClusterOptions = {
  instances: number;
  worker: boolean;
  log: Log;
  /** Also put a balancer in front of the first instance alone (the benchmark compares the two). */
  singleBalancer?: boolean;
};

/** The production build `next start` serves: NEXT_DIST_DIR (the test command's is .next-e2e). */
export function distDir(): string {
  const dir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(join(REPO, dir, "BUILD_ID")))
    throw new Error(
      `no production build in ${dir}: build one first (NEXT_DIST_DIR=${dir} npx next build), or set NEXT_DIST_DIR to an existing build`,
    );
  return dir;
}

const secret = () => randomBytes(32).toString("base64url");

export async function startCluster(options: ClusterOptions): Promise<Cluster & { single?: Balancer }> {
  const { log } = options;
  const dist = distDir();
  const nginxBin = ensureNginx(log);
  const scratch = mkdtempSync(join(tmpdir(), `atelier-cluster-${process.pid}-`));
  let keep = false;
  onCleanup("scratch folder", async () => {
    if (keep || interruptedBy) log(`logs kept in ${scratch}`);
    else rmSync(scratch, { recursive: true, force: true });
  });

  // One fresh database for the whole installation, dropped at the end whatever happens.
  const dbName = `atelier_cluster_${process.pid}`;
  const dbUrl = (() => {
    const u = new URL(adminUrl());
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  onCleanup("database", () => admin(`drop database if exists ${dbName} with (force)`));

  const s3 = await startTestS3("atelier-cluster");
  onCleanup("s3rver", () => s3.stop());

  const balancerPort = await freePort();
  const ports: number[] = [];
  for (let i = 0; i < options.instances; i++) ports.push(await freePort());
  const mailDir = join(scratch, "mail");
  mkdirSync(mailDir, { recursive: true });

  const shared: Record<string, string> = {
    DATABASE_URL: dbUrl,
    AUTH_SECRET: secret(),
    EXPERIMENT_SECRET: secret(),
    // Signs the simulated payment provider's webhooks (every instance and the worker verify them).
    SIM_PAYMENT_SECRET: secret(),
    // The cluster's buyers pay on the simulated provider, which production refuses unless asked for.
    ALLOW_SIMULATED_PAYMENTS: "true",
    // Server Action closures must decrypt on whichever instance a form is posted to.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXT_DEPLOYMENT_ID: process.env.NEXT_DEPLOYMENT_ID ?? `cluster-${process.pid}`,
    SITE_URL: `http://127.0.0.1:${balancerPort}`,
    AUTH_TRUST_HOST: "true",
    WORKER_IN_PROCESS: "false",
    S3_BUCKET: s3.settings.bucket,
    S3_REGION: s3.settings.region,
    S3_ENDPOINT: s3.settings.endpoint ?? "",
    S3_ACCESS_KEY_ID: s3.settings.accessKeyId ?? "",
    S3_SECRET_ACCESS_KEY: s3.settings.secretAccessKey ?? "",
    S3_FORCE_PATH_STYLE: "true",
    MAIL_DIR: mailDir,
    NEXT_DIST_DIR: dist,
    NEXT_TELEMETRY_DISABLED: "1",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  const baseEnv = { ...process.env };
  for (const key of ["DATABASE_URL", "PGLITE_DIR", "UPLOAD_DIR", "SMTP_URL", "NODE_ENV", "S3_PREFIX"])
    delete baseEnv[key];
  const env = { ...baseEnv, ...shared };

  const started = performance.now();
  await runStep("npm", ["run", "--silent", "db:migrate"], env, join(scratch, "db-migrate.log"));
  await runStep("npm", ["run", "--silent", "db:seed"], env, join(scratch, "db-seed.log"));
  log(`database ${dbName}: migrated and seeded (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // Next keeps its data cache (unstable_cache) on disk in the build folder, across restarts: entries
  // written by earlier runs against other databases (the e2e passes use this build too) would be
  // served, stale, on this fresh one before the first revalidation. Shared invalidations cannot help:
  // this database has no record of those edits. Start the data cache empty.
  rmSync(join(REPO, dist, "cache", "fetch-cache"), { recursive: true, force: true });

  let worker: Service | null = null;
  if (options.worker) {
    worker = startService(
      "worker",
      "npm",
      ["run", "--silent", "worker"],
      { ...env, NODE_ENV: "production" },
      join(scratch, "worker.log"),
    );
    onCleanup("worker", () => worker!.stop(15_000));
  }

  const instances: Instance[] = ports.map((port, i) => {
    const name = String.fromCharCode(65 + i);
    // A folder of its own that must stay empty: uploads go to the bucket, never to an instance's disk.
    const uploadDir = join(scratch, `uploads-${name}`);
    // Bound to every interface, as the Dockerfile's HOSTNAME=0.0.0.0 does, never to "127.0.0.1": Next.js
    // spells a loopback request's URL "localhost" inside proxy.ts but compares the proxy's rewrite with
    // the literal bind address, so with `--hostname 127.0.0.1` every language rewrite of proxy.ts
    // became a proxied request to itself, answered by a redirect back to the same page.
    const service = startService(
      `instance ${name}`,
      process.execPath,
      [join(REPO, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "0.0.0.0"],
      { ...env, UPLOAD_DIR: uploadDir },
      join(scratch, `instance-${name}.log`),
    );
    onCleanup(`instance ${name}`, () => service.stop(10_000));
    return { name, port, url: `http://127.0.0.1:${port}`, service, uploadDir };
  });
  await Promise.all(instances.map((i) => waitHealthy(`${i.url}/api/health`, i.service, 120_000)));
  const balancer = await startBalancer(nginxBin, scratch, "nginx", balancerPort, ports);
  const single = options.singleBalancer
    ? await startBalancer(nginxBin, scratch, "nginx-single", await freePort(), ports.slice(0, 1))
    : undefined;
  log(
    `${instances.length} instance${instances.length > 1 ? "s" : ""} (${instances.map((i) => `${i.name} :${i.port}`).join(", ")})` +
      `${worker ? ", the worker" : ""} and nginx at ${balancer.url} ready (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return {
    scratch,
    dbName,
    dbUrl,
    env: shared,
    s3,
    instances,
    worker,
    nginxBin,
    balancer,
    single,
    mailDir,
    keepLogs: () => {
      keep = true;
    },
  };
}
