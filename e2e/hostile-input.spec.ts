import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * Hostile-input sweep: every route of the app (read from app/, so a new route is swept without
 * touching this file) and every server action (ids from the build's server-reference manifest) get
 * requests no honest browser sends. Any 5xx fails the test; a summary by status class is printed.
 * Run twice: anonymously, then signed in as a fresh account (actions then reach their handlers).
 */

const APP_DIR = path.resolve("app");
const DIST_DIR = path.resolve(process.env.NEXT_DIST_DIR ?? ".next");
const CONCURRENCY = 6;

type Probe = {
  method: string;
  url: string;
  headers?: Record<string, string>;
  data?: string | Buffer;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
};
type Result = { probe: Probe; status: number };

/** Route patterns ("/courses/[slug]") from the app directory: pages, route handlers, metadata files. */
function routePatterns(): string[] {
  const out = new Set<string>();
  const walk = (dir: string, segments: string[]) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name.startsWith("_") || name.startsWith("@")) continue; // private folders, slots
        // Route groups do not appear in the URL.
        walk(full, /^\(.*\)$/.test(name) ? segments : [...segments, name]);
        continue;
      }
      if (name.endsWith(".test.ts")) continue;
      const route = "/" + segments.join("/");
      if (/^(page|route)\.tsx?$/.test(name)) out.add(route);
      else if (/^(opengraph-image|twitter-image|icon|apple-icon)\.(tsx?|svg|png)$/.test(name))
        out.add(`${route === "/" ? "" : route}/${name.replace(/\.tsx?$/, "")}`);
      else if (name === "sitemap.ts") out.add(`${route === "/" ? "" : route}/sitemap.xml`);
      else if (name === "robots.ts") out.add("/robots.txt");
    }
  };
  walk(APP_DIR, []);
  // Pages live under `[locale]`, English at the unprefixed path. Filling `[locale]` with every hostile
  // value would multiply the sweep by eleven for one code path; a hostile first segment is already
  // probed on "/" (`/%E0%A4`, …), and the Chinese prefix by `chinesePaths`.
  const prefix = "/[locale]";
  const english = [...out].map((route) => (route.startsWith(prefix) ? route.slice(prefix.length) || "/" : route));
  return [...new Set(english)].sort();
}

/** The static pages under their Chinese prefix, for the probes whose handling depends on the language. */
const chinesePaths = (patterns: string[]) =>
  patterns
    .filter((p) => !p.includes("[") && !/^\/(api|img|uploads)\b|\.(xml|txt|svg)$/.test(p))
    .map((p) => `/zh${p === "/" ? "" : p}`);

/** Values for dynamic segments that are no honest link: broken encoding, NUL, traversal, SQL, huge. */
const HOSTILE_SEGMENTS = [
  "%E0%A4",
  "%ZZ",
  "a%00b",
  "..%2F..%2Fetc%2Fpasswd",
  "%27%20OR%201%3D1--",
  "x".repeat(3000),
  "%F0%9F%92%A9",
  "-1",
  "00000000-0000-0000-0000-000000000000",
  "%3Cscript%3E",
  "99999999999999999999",
];

function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((seg) =>
      /^\[\.\.\..+\]$/.test(seg) ? ".+" : /^\[.+\]$/.test(seg) ? "[^/?#]+" : seg.replace(/[.*+?^${}()|\\]/g, "\\$&"),
    )
    .join("/");
  return new RegExp(`^${body}$`);
}

/** Same-site links found by a small crawl from the home page and the listings. */
async function crawl(request: APIRequestContext, limit = 60): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [
    "/",
    "/courses",
    "/artworks",
    "/community",
    "/search?q=ink",
    "/feed",
    "/studio",
    "/studio/products",
    "/studio/campaigns",
    "/orders",
  ];
  while (queue.length && seen.size < limit) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const res = await request.get(next, { failOnStatusCode: false, maxRedirects: 0 });
    if (!(res.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const m of (await res.text()).matchAll(/href="(\/[^"#?]*)/g)) {
      const href = m[1]!.replaceAll("&amp;", "&");
      if (!href.startsWith("/_next") && !seen.has(href)) queue.push(href);
    }
  }
  return seen;
}

/** Concrete paths for a pattern: a real one found by the crawl, and each hostile filling. */
function instances(pattern: string, links: Set<string>): string[] {
  if (!pattern.includes("[")) return [pattern];
  const re = patternRegex(pattern);
  const real = [...links].filter((l) => re.test(l)).slice(0, 2);
  // Collect real values per segment position, to combine a real parent with a hostile child.
  const hostile = HOSTILE_SEGMENTS.map((bad) => {
    const realSegs = real[0]?.split("/");
    return pattern
      .split("/")
      .map((seg, i, all) => {
        if (!/^\[.+\]$/.test(seg)) return seg;
        const isLast = all.slice(i + 1).every((s) => !/^\[.+\]$/.test(s));
        return isLast || !realSegs ? bad : realSegs[i]!;
      })
      .join("/");
  });
  return [...real, ...hostile];
}

function pathProbes(p: string): Probe[] {
  const probes: Probe[] = [];
  // "/" + "/x" would be "//x", a URL of another host.
  const under = p === "/" ? "" : p;
  for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"])
    probes.push({ method, url: p });
  probes.push(
    { method: "GET", url: p, headers: { "x-forwarded-proto": "garbage://" } },
    { method: "GET", url: p, headers: { "x-forwarded-proto": "https" } },
    { method: "GET", url: p, headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } },
    {
      method: "GET",
      url: p,
      headers: {
        cookie: "authjs.session-token=garbage; atelier_locale=%E0%A4; atelier_vid=%ZZ; atelier_consent=%00",
        "accept-language": "%%%;q=abc",
      },
    },
    {
      method: "GET",
      url: p,
      headers: {
        cookie: "authjs.session-token=%E0%A4; authjs.callback-url=javascript%3Aalert(1); authjs.csrf-token=%ZZ",
      },
    },
    { method: "GET", url: p, headers: { rsc: "1", "next-router-state-tree": "%E0garbage" } },
    { method: "GET", url: `${p}?callbackUrl=javascript:alert(1)&q=%E0%A4&page=-1&sort=%00&cursor=${"z".repeat(2000)}` },
    { method: "GET", url: `${under}/%E0%A4` },
    { method: "GET", url: `${under}/a%ZZ.js` },
    { method: "GET", url: `${under}/x%E0.png` },
    { method: "GET", url: `${under}/%00.svg` },
    { method: "POST", url: p, headers: { "content-type": "application/json" }, data: "{not json" },
    {
      method: "POST",
      url: p,
      headers: { "content-type": "multipart/form-data; boundary=zz" },
      data: '--zz\r\ncontent-disposition: form-data; name="a"\r\n\r\ndangling',
    },
    {
      method: "POST",
      url: p,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: "a=%E0%A4&b=%00",
    },
  );
  return probes;
}

/** Action ids and a page each one is used on, from the build's manifest. */
function actions(): { id: string; page: string }[] {
  const manifest = JSON.parse(
    readFileSync(path.join(DIST_DIR, "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown> }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => w.endsWith("/page")) ?? "app/page";
    const page =
      "/" +
      worker
        .replace(/^app\//, "")
        .replace(/\/?page$/, "")
        .split("/")
        // Route groups are not in the URL, and `[locale]` is absent from an English one.
        .filter((s) => !/^\(.*\)$/.test(s) && s !== "[locale]")
        .map((s) => (/^\[.+\]$/.test(s) ? "x" : s))
        .join("/");
    return { id, page: page.replace(/\/$/, "") || "/" };
  });
}

function actionProbes(id: string, page: string, origin: string): Probe[] {
  const base = { "next-action": id, origin, accept: "text/x-component" };
  const text = { ...base, "content-type": "text/plain;charset=UTF-8" };
  const form = (fields: Record<string, string>): Probe => ({
    method: "POST",
    url: page,
    headers: base,
    multipart: {
      "0": '["$undefined","$K1"]',
      ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`1_${k}`, v])),
    },
  });
  const hostileFields = {
    id: "a\u0000b",
    slug: "%E0%A4",
    productId: "00000000-0000-0000-0000-000000000000",
    title: "x".repeat(100_000),
    email: "not-an-email",
    password: "\u0000",
    quantity: "-99999999999999999999",
    amount: "1e400",
    price: "NaN",
    returnTo: "javascript:alert(1)",
    callbackUrl: "//evil.example",
    locale: "../../etc",
    rating: "99",
    body: "<script>alert(1)</script>",
    idempotencyKey: "%ZZ",
  };
  return [
    { method: "POST", url: page, headers: text, data: "{not json" },
    { method: "POST", url: page, headers: text, data: '["$@1"]' },
    { method: "POST", url: page, headers: text, data: '[{"a":"$Q2"},"$3"]' },
    { method: "POST", url: page, headers: text, data: "[]" },
    { method: "POST", url: page, headers: text, data: "[null,null,null]" },
    { method: "POST", url: page, headers: text, data: '["\\u0000", {"__proto__": {"x": 1}}, 1e400]' },
    { method: "POST", url: page, headers: text, data: JSON.stringify([null, hostileFields]) },
    { method: "POST", url: page, headers: { ...base, "content-type": "application/json" }, data: "[1,2" },
    {
      method: "POST",
      url: page,
      headers: { ...base, "content-type": "application/octet-stream" },
      data: Buffer.from([0xff, 0xfe, 0x00]),
    },
    {
      method: "POST",
      url: page,
      headers: { ...base, "content-type": "multipart/form-data; boundary=zz" },
      data: '--zz\r\ncontent-disposition: form-data; name="0"\r\n\r\n["$K1"',
    },
    { method: "POST", url: page, headers: base, multipart: { a: "no root chunk" } },
    { method: "POST", url: page, headers: base, multipart: { "0": '["$@1"]' } },
    form(hostileFields),
    form({}),
    {
      method: "POST",
      url: page,
      headers: base,
      multipart: {
        "0": '["$undefined","$K1"]',
        "1_file": { name: "x.webp", mimeType: "image/webp", buffer: Buffer.from("not an image") },
      },
    },
    { method: "POST", url: page, headers: { ...text, origin: "https://evil.example" }, data: "[]" },
    { method: "POST", url: page, headers: { ...text, origin: "null" }, data: "[]" },
    // A form posted without JavaScript names the action in a field instead of a header.
    { method: "POST", url: page, headers: { origin }, multipart: { [`$ACTION_ID_${id}`]: "", title: "\u0000" } },
  ];
}

function authProbes(): Probe[] {
  const bad = ["javascript:alert(1)", "//evil.example", "https://evil.example/", "%E0%A4", "/\\evil.example"];
  const probes: Probe[] = [];
  for (const cb of bad) {
    probes.push({ method: "GET", url: `/api/auth/signin?callbackUrl=${encodeURIComponent(cb)}` });
    probes.push({ method: "GET", url: `/api/auth/signout?callbackUrl=${encodeURIComponent(cb)}` });
    probes.push({ method: "GET", url: `/api/auth/error?error=${encodeURIComponent(cb)}` });
    probes.push({
      method: "POST",
      url: "/api/auth/callback/credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      data: `email=a%40b.c&password=x&csrfToken=x&callbackUrl=${encodeURIComponent(cb)}`,
    });
    probes.push({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: `authjs.callback-url=${encodeURIComponent(cb)}; authjs.csrf-token=%E0%A4` },
    });
    probes.push({
      method: "GET",
      url: "/api/auth/signin",
      headers: { cookie: `authjs.callback-url=${encodeURIComponent(cb)}` },
    });
    probes.push({
      method: "POST",
      url: "/api/auth/callback/credentials",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: `authjs.callback-url=${encodeURIComponent(cb)}`,
      },
      data: "email=a%40b.c&password=x",
    });
  }
  for (const p of [
    "/api/auth/providers",
    "/api/auth/csrf",
    "/api/auth/nonexistent",
    "/api/auth/callback/nonexistent",
    "/api/auth/signin/credentials",
    "/api/auth/%E0%A4",
  ]) {
    probes.push(
      { method: "GET", url: p },
      { method: "POST", url: p, headers: { "content-type": "application/json" }, data: "{" },
    );
  }
  return probes;
}

async function send(request: APIRequestContext, probes: Probe[]): Promise<Result[]> {
  const results: Result[] = [];
  let next = 0;
  const worker = async () => {
    while (next < probes.length) {
      const probe = probes[next++]!;
      const res = await request.fetch(probe.url, {
        method: probe.method,
        headers: probe.headers,
        data: probe.data,
        multipart: probe.multipart,
        maxRedirects: 0,
        failOnStatusCode: false,
        timeout: 30_000,
      });
      results.push({ probe, status: res.status() });
      await res.dispose();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

function report(label: string, results: Result[]) {
  const classes: Record<string, number> = {};
  for (const r of results)
    classes[`${Math.floor(r.status / 100)}xx`] = (classes[`${Math.floor(r.status / 100)}xx`] ?? 0) + 1;
  const summary = Object.entries(classes)
    .sort()
    .map(([k, v]) => `${v} × ${k}`)
    .join(", ");
  console.log(`hostile sweep (${label}): ${results.length} requests: ${summary}`);
  const failures = results.filter((r) => r.status >= 500);
  for (const f of failures.slice(0, 40))
    console.log(
      `  ${f.status} ${f.probe.method} ${f.probe.url.slice(0, 160)} ${JSON.stringify(f.probe.headers ?? {}).slice(0, 200)}`,
    );
  return failures;
}

async function sweep(request: APIRequestContext, origin: string, label: string) {
  const links = await crawl(request);
  const patterns = routePatterns();
  // Every pattern must be swept: a dynamic route with no real link is still swept with hostile values.
  expect(patterns.length).toBeGreaterThan(30);
  const paths = [...new Set(patterns.flatMap((p) => instances(p, links)))];
  const probes = [
    ...paths.flatMap(pathProbes),
    ...actions().flatMap((a) => actionProbes(a.id, a.page, origin)),
    ...authProbes(),
  ];
  // A body over the action limit (9 MB), once per kind of action post.
  const big = Buffer.alloc(10 * 1024 * 1024, 0x61);
  const [first] = actions();
  probes.push({
    method: "POST",
    url: "/",
    headers: { "next-action": first!.id, origin, "content-type": "text/plain;charset=UTF-8" },
    data: big,
  });
  probes.push({
    method: "POST",
    url: "/",
    headers: { origin, "content-type": "multipart/form-data; boundary=zz" },
    data: Buffer.concat([Buffer.from('--zz\r\ncontent-disposition: form-data; name="0"\r\n\r\n'), big]),
  });
  // Last: opening a /zh/ page sets the language cookie to 中文, after which the English paths redirect.
  probes.push(...chinesePaths(patterns).flatMap((p) => pathProbes(p).filter((probe) => probe.method === "GET")));
  const results = await send(request, probes);
  const failures = report(label, results);
  expect(results.find((r) => r.probe.data === big)?.status, "oversized action body").toBe(413);
  expect(failures.map((f) => `${f.status} ${f.probe.method} ${f.probe.url.slice(0, 120)}`)).toEqual([]);
}

test.describe.configure({ timeout: 15 * 60_000 });

test("no request to any route or server action gets a 5xx (anonymous)", async ({ request, baseURL }) => {
  await sweep(request, baseURL!, "anonymous");
});

test("no request to any route or server action gets a 5xx (signed in)", async ({ page, baseURL, users }) => {
  await users.signUp({ page, name: "Sweep Account", label: "sweep", password: "sweep-every-route-26" });
  // page.request shares the browser context's cookies: the session goes with every probe.
  await sweep(page.request, baseURL!, "signed in");
});
