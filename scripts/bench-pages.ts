/**
 * Public pages as a crawler or a first-time visitor meets them, against the static ceiling of the same
 * server: one production build, started over the PostgreSQL server and over PGlite in turn.
 *   npm run bench:pages -- [--seconds 8] [--connections 20,50] [--db pg,pglite] [--pg-url URL] [--reuse]
 * Builds a copy of the working tree (tracked files, uncommitted edits included) under
 * $TMPDIR/atelier-bench-pages/app (--reuse keeps a build that exists, whatever its source); each start
 * has a fresh database: `atelier_bench_pages`, created anew on the server of --pg-url (default the test
 * server), then migrated and seeded, or a new embedded one (which does that on start). The demo catalogue is seeded without the synthetic customers
 * (DEMO_POPULATION=false), so no background refresh competes with the load.
 * For each database it loads, for --seconds at each connection count, without cookies (each request is a
 * new visitor, as a crawler is): /robots.txt (the ceiling: a static file from the same server), home,
 * /courses, a course page, a campaign landing page; then, signed in as the demo consumer, one connection
 * on home, a course page, /account and /orders. Prints req/s, the share of the ceiling and p50/p99 per
 * row, the issue's targets as met or missed, and one JSON line. Figures only: nothing here asserts.
 * Exit codes: 0 ok, 1 failed, 2 bad flags.
 */
import http from "node:http";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { z } from "zod";
import {
  build,
  describeBuild,
  hasBuild,
  migrateAndSeed,
  runBench,
  snapshot,
  startServer,
  stopServer,
} from "./bench-server";
import { readFlags } from "./cli";
import { HttpClient } from "./cluster/http";
import { signIn } from "./cluster/shop";
import { freePort, httpGet, loadTest, type LoadSample } from "./http-load";

const USAGE =
  "usage: tsx scripts/bench-pages.ts [--seconds N] [--connections 20,50] [--db pg,pglite] [--pg-url URL] [--reuse]";
/** "20,50" → ["20", "50"]: a comma-separated flag's items. */
const items = (s: string) => s.split(",").map((x) => x.trim());
const Flags = z.object({
  seconds: z.coerce.number().min(1).max(600).default(8),
  connections: z
    .string()
    .default("20,50")
    .transform((s) => items(s).map(Number))
    .pipe(z.array(z.number().int().min(1).max(512)).min(1)),
  db: z
    .string()
    .default("pg,pglite")
    .transform(items)
    .pipe(z.array(z.enum(["pg", "pglite"])).min(1)),
  "pg-url": z.url().default("postgres://postgres@127.0.0.1:5432/test"),
  reuse: z.boolean().default(false),
});

const DIR = join(tmpdir(), "atelier-bench-pages", "app");
const BENCH_DB = "atelier_bench_pages";
const LANDING = "/c/ink-and-paper";
const CONSUMER = "consumer@atelier.test";
/** The issue's targets (issue: cached pages). */
const TARGETS = { shareOfCeiling: 0.25, productP99AtFifty: 250, signedInP50: 50 };

type Row = { db: string; page: string; path: string; connections: number; signedIn: boolean } & LoadSample;

/** A fresh database on the server for this run, migrated and seeded with the demo catalogue; its URL. */
async function freshDatabase(serverUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${BENCH_DB} with (force)`);
    await client.query(`create database ${BENCH_DB}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DB}`;
  migrateAndSeed(DIR, url.toString());
  return url.toString();
}

/** The first course page the catalogue links to. */
async function firstCoursePath(port: number): Promise<string> {
  return new Promise((done, fail) => {
    http
      .get({ host: "127.0.0.1", port, path: "/courses" }, (res) => {
        let html = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (html += chunk));
        res.on("end", () => {
          const path = /href="(\/courses\/[a-z0-9-]+)"/.exec(html)?.[1];
          if (path) done(path);
          else fail(new Error(`/courses (HTTP ${res.statusCode}) links to no course`));
        });
      })
      .on("error", fail);
  });
}

const ms = (x: number) => x.toFixed(1).padStart(7);

function printRow(row: Row, ceiling: number | null): void {
  const share = ceiling && row.path !== "/robots.txt" ? `${((row.perSecond / ceiling) * 100).toFixed(0)}%` : "";
  console.log(
    `${row.page.padEnd(34)} ${String(row.connections).padStart(5)} ${row.perSecond.toFixed(0).padStart(8)} ${share.padStart(9)} ${ms(row.p50)} ${ms(row.p99)}${row.errors ? `  (${row.errors} non-200)` : ""}`,
  );
}

async function measure(db: "pg" | "pglite", port: number, flags: z.output<typeof Flags>): Promise<Row[]> {
  const target = (path: string) => ({ host: "127.0.0.1", port, path });
  const course = await firstCoursePath(port);
  const pages = [
    { page: "/robots.txt (ceiling)", path: "/robots.txt" },
    { page: "home", path: "/" },
    { page: "/courses", path: "/courses" },
    { page: "course page", path: course },
    { page: `landing ${LANDING}`, path: LANDING },
  ];
  // Every page once before timing: compiled routes, warm connections and caches, a visible failure.
  for (const p of pages) {
    const res = await httpGet(target(p.path), new http.Agent(), "");
    if (res.status !== 200) throw new Error(`${db}: ${p.path} answered ${res.status}`);
    await loadTest(target(p.path), () => "", 1, 4);
  }

  console.log(
    `\n${db === "pg" ? "PostgreSQL server" : "PGlite (embedded)"}: anonymous, no cookies, ${flags.seconds} s per row; course page ${course}`,
  );
  console.log(
    `${"page".padEnd(34)} ${"conns".padStart(5)} ${"req/s".padStart(8)} ${"of ceiling".padStart(9)} ${"p50 ms".padStart(7)} ${"p99 ms".padStart(7)}`,
  );
  const rows: Row[] = [];
  for (const connections of flags.connections) {
    let ceiling: number | null = null;
    for (const p of pages) {
      const sample = await loadTest(target(p.path), () => "", flags.seconds, connections);
      const row: Row = { db, ...p, connections, signedIn: false, ...sample };
      if (p.path === "/robots.txt") ceiling = sample.perSecond;
      printRow(row, ceiling);
      rows.push(row);
    }
  }

  const client = new HttpClient();
  await signIn(client, `http://127.0.0.1:${port}`, CONSUMER);
  const cookie = client.cookieHeader();
  client.close();
  console.log(`\nsigned in as ${CONSUMER}, one connection`);
  for (const p of [
    { page: "home", path: "/" },
    { page: "course page", path: course },
    { page: "/account", path: "/account" },
    { page: "/orders", path: "/orders" },
  ]) {
    await loadTest(target(p.path), () => cookie, 1, 1);
    const sample = await loadTest(target(p.path), () => cookie, flags.seconds, 1);
    const row: Row = { db, ...p, connections: 1, signedIn: true, ...sample };
    printRow(row, null);
    rows.push(row);
  }
  return rows;
}

/** The issue's targets, each as met or missed, from one database's rows. */
function printTargets(rows: Row[]): void {
  const anonymous = rows.filter((r) => !r.signedIn);
  const shares = anonymous
    .filter((r) => r.path !== "/robots.txt")
    .map((r) => {
      const ceiling = anonymous.find((c) => c.path === "/robots.txt" && c.connections === r.connections)!;
      return { r, share: r.perSecond / ceiling.perSecond };
    });
  const worst = shares.reduce((a, b) => (b.share < a.share ? b : a));
  const product = anonymous.find((r) => r.page === "course page" && r.connections === 50);
  const signedIn = rows.filter((r) => r.signedIn);
  const slowest = signedIn.reduce((a, b) => (b.p50 > a.p50 ? b : a));
  const mark = (ok: boolean) => (ok ? "met   " : "MISSED");
  console.log(`targets (${rows[0]!.db}):`);
  console.log(
    `  ${mark(worst.share >= TARGETS.shareOfCeiling)} every public page >= ${TARGETS.shareOfCeiling * 100}% of the ceiling (lowest: ${worst.r.page} at ${worst.r.connections} connections, ${(worst.share * 100).toFixed(0)}%)`,
  );
  if (product)
    console.log(
      `  ${mark(product.p99 < TARGETS.productP99AtFifty)} product page p99 at 50 connections < ${TARGETS.productP99AtFifty} ms (${product.p99.toFixed(0)} ms)`,
    );
  console.log(
    `  ${mark(slowest.p50 <= TARGETS.signedInP50)} signed-in pages p50 <= ${TARGETS.signedInP50} ms at one connection (slowest: ${slowest.page}, ${slowest.p50.toFixed(1)} ms)`,
  );
}

async function main() {
  const flags = readFlags(process.argv.slice(2), {
    script: "bench-pages",
    usage: USAGE,
    schema: Flags,
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      db: { type: "string" },
      "pg-url": { type: "string" },
      reuse: { type: "boolean" },
    },
  });
  if (!(flags.reuse && hasBuild(DIR))) {
    snapshot(DIR);
    build(DIR, "the app");
  }
  console.log(`public pages over HTTP: next start, keep-alive connections, ${flags.seconds} s per row`);
  console.log(`source: ${describeBuild(DIR)}`);
  console.log(
    `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "?"}), Node ${process.version}; client and server share it`,
  );
  const all: Row[] = [];
  for (const db of flags.db) {
    const port = await freePort();
    const server = await startServer({
      dir: DIR,
      port,
      label: `pages-${db}`,
      databaseUrl: db === "pg" ? await freshDatabase(flags["pg-url"]) : undefined,
      env: { DEMO_POPULATION: "false" },
    });
    try {
      const rows = await measure(db, port, flags);
      printTargets(rows);
      all.push(...rows);
    } finally {
      await stopServer(server);
    }
  }
  console.log(
    JSON.stringify({
      seconds: flags.seconds,
      results: all.map((r) => ({
        db: r.db,
        path: r.path,
        signedIn: r.signedIn,
        connections: r.connections,
        perSecond: Math.round(r.perSecond),
        p50: Number(r.p50.toFixed(1)),
        p99: Number(r.p99.toFixed(1)),
        errors: r.errors,
      })),
    }),
  );
}

runBench("bench-pages", main);
