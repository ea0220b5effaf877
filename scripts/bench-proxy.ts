/**
 * In-process cost of proxy.ts's handler: requests per second for a landing page (new visitor: hash +
 * HMAC sign; returning visitor: HMAC verify), for an ordinary page (cookie check only), and for a bare
 * NextResponse.next() as the baseline. No network, no database: the config comes from a fixed cache.
 *   npm run bench:proxy -- [--seconds 2]
 * The same over HTTP, with and without proxy.ts: npm run bench:proxy-http.
 */
import { NextRequest, NextResponse } from "next/server";
import { z } from "zod";
import { createConfigCache } from "../lib/experiments/config-cache";
import { createProxy } from "../lib/server/experiments-proxy";
import { buildRuntimeConfig } from "../lib/experiments/runtime";
import { readFlags } from "./cli";

const { seconds } = readFlags(process.argv.slice(2), {
  script: "bench-proxy",
  usage: "usage: tsx scripts/bench-proxy.ts [--seconds N]",
  options: { seconds: { type: "string" } },
  schema: z.object({ seconds: z.coerce.number().min(0.1).max(600).default(2) }),
});
const now = Date.now();
const config = buildRuntimeConfig(
  [
    {
      key: "ink-and-paper",
      slug: "ink-and-paper",
      bucketVersion: 1,
      coverage: 1,
      weights: [0.5, 0.5],
      variantKeys: ["control", "save-framing"],
      startsAt: now - 86_400_000,
      endsAt: now + 86_400_000,
      audience: { locales: [], visitors: "all", clusters: false },
    },
  ],
  now,
);
const cache = createConfigCache({ fetcher: async () => ({ status: "ok", config, etag: config.version }) });
const proxy = createProxy({ secret: "bench-secret-0123456789abcdef", configFor: () => cache });
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

function req(path: string, cookie: string): NextRequest {
  return new NextRequest(`http://localhost:3000${path}`, { headers: { "user-agent": UA, cookie } });
}

async function rate(name: string, make: () => NextRequest, handle: (r: NextRequest) => Promise<unknown> | unknown) {
  for (let i = 0; i < 200; i++) await handle(make());
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    await handle(make());
    n++;
  }
  const perSec = n / ((performance.now() - started) / 1000);
  console.log(
    `${name.padEnd(44)} ${Math.round(perSec).toLocaleString("en-US").padStart(9)} req/s  ${(1e6 / perSec).toFixed(1).padStart(7)} µs/req`,
  );
}

async function main() {
  const first = await proxy(req("/c/ink-and-paper", "atelier_consent=analytics"));
  const jar = ["atelier_consent=analytics", ...first.cookies.getAll().map((c) => `${c.name}=${c.value}`)].join("; ");
  console.log(`proxy handler, in process, ${seconds} s per case (Node ${process.version})`);
  await rate(
    "baseline: NextResponse.next()",
    () => req("/courses", ""),
    () => NextResponse.next(),
  );
  await rate("ordinary page, returning visitor", () => req("/courses", jar), proxy);
  await rate("landing, returning visitor (verify cookie)", () => req("/c/ink-and-paper", jar), proxy);
  await rate("landing, new visitor (hash + sign)", () => req("/c/ink-and-paper", "atelier_consent=analytics"), proxy);
  await rate("landing, no consent (control)", () => req("/c/ink-and-paper", ""), proxy);
}

void main();
