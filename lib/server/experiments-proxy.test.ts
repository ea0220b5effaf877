import { NextRequest, type NextResponse } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { createConfigCache } from "@/lib/experiments/config-cache";
import { chiSquareSurvival } from "@/lib/experiments/distributions";
import { buildRuntimeConfig, type RuntimeExperiment } from "@/lib/experiments/runtime";
import { signValue } from "@/lib/experiments/signing";
import { ASSIGNMENT_HEADER, assignmentCookieName, parseAssignmentHeader } from "@/lib/experiments/visitor-assignment";
import { CONSENT_COOKIE, VISITOR_COOKIE } from "@/lib/visitor";
import { FIRST_SEEN, VISITOR_LINK } from "./cookies";
import { createProxy } from "./experiments-proxy";

const SECRET = "test-experiment-secret-0123456789";
const NOW = Date.UTC(2026, 4, 1);
const BROWSER =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

const experiment: RuntimeExperiment = {
  key: "ink-and-paper",
  slug: "ink-and-paper",
  bucketVersion: 1,
  coverage: 1,
  weights: [0.3, 0.7],
  variantKeys: ["control", "story"],
  startsAt: NOW - 86_400_000,
  endsAt: NOW + 86_400_000,
  audience: { locales: [], visitors: "all", clusters: false },
};

function makeProxy(experiments: RuntimeExperiment[] = [experiment], linkVisitor?: () => Promise<void>) {
  const config = buildRuntimeConfig(experiments, NOW);
  const cache = createConfigCache({
    fetcher: async () => ({ status: "ok", config, etag: config.version }),
    now: () => NOW,
  });
  return createProxy({ secret: SECRET, configFor: () => cache, now: () => NOW, linkVisitor });
}

type Visit = { cookies?: Record<string, string>; path?: string; ua?: string | null; headers?: Record<string, string> };

function request({ cookies = {}, path = "/c/ink-and-paper", ua = BROWSER, headers = {} }: Visit): NextRequest {
  const h = new Headers(headers);
  if (ua) h.set("user-agent", ua);
  const cookie = Object.entries(cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  if (cookie) h.set("cookie", cookie);
  return new NextRequest(`http://localhost:3103${path}`, { headers: h });
}

/** The header the server render receives (NextResponse.next forwards it as x-middleware-request-*). */
function assignment(res: NextResponse) {
  return parseAssignmentHeader(res.headers.get(`x-middleware-request-${ASSIGNMENT_HEADER}`));
}

function setCookies(res: NextResponse): Record<string, string> {
  return Object.fromEntries(res.cookies.getAll().map((c) => [c.name, c.value]));
}

const consent: Record<string, string> = { [CONSENT_COOKIE]: "analytics" };
const cookieName = assignmentCookieName(experiment.key);

describe("proxy assignment", () => {
  it("gives a visitor the same variant on 20 visits with the cookies it set", async () => {
    const proxy = makeProxy();
    for (let v = 0; v < 10; v++) {
      const first = await proxy(request({ cookies: consent }));
      const jar: Record<string, string> = { ...consent, ...setCookies(first) };
      expect(jar[VISITOR_COOKIE]).toMatch(/^[a-f0-9]{32}$/);
      expect(jar[cookieName]).toBeDefined();
      const a0 = assignment(first);
      expect(a0).toMatchObject({ counted: true, reason: "assigned", visitorId: jar[VISITOR_COOKIE] });
      for (let i = 0; i < 20; i++) {
        const res = await proxy(request({ cookies: jar }));
        expect(assignment(res)).toMatchObject({ variant: a0?.variant, counted: true, reason: "sticky" });
        expect(setCookies(res)[cookieName]).toBeUndefined();
      }
    }
  });

  it("splits 2,000 new visitors within chi-square tolerance of the weights 30/70", async () => {
    const proxy = makeProxy();
    const counts = [0, 0];
    for (let i = 0; i < 2000; i++) {
      const a = assignment(await proxy(request({ cookies: consent })));
      expect(a?.counted).toBe(true);
      counts[a?.variant as number]! += 1;
    }
    const expected = [600, 1400];
    const chi2 = counts.reduce((s, o, i) => s + (o - expected[i]!) ** 2 / expected[i]!, 0);
    // Visitor ids are random, so allow a one-in-a-million fluke (chi2 < 23.9 with 1 df); a 50/50
    // split would give chi2 ~ 190 and fail.
    expect(chiSquareSurvival(chi2, 1)).toBeGreaterThan(1e-6);
  });

  it("ignores a forged, foreign or stale assignment cookie and re-derives the variant from the hash", async () => {
    const proxy = makeProxy();
    const first = await proxy(request({ cookies: consent }));
    const jar: Record<string, string> = { ...consent, ...setCookies(first) };
    const vid = jar[VISITOR_COOKIE] as string;
    const honest = assignment(first)?.variant as number;
    const other = 1 - honest;
    const forgeries = [
      `${vid}.1.${other}`, // unsigned
      `${vid}.1.${other}.${(jar[cookieName] as string).split(".").pop()}`, // signature of another value
      await signValue(`${vid}.1.${other}`, "someone-elses-secret-0123456789"),
      await signValue(`another-visitor-000000.1.${other}`, SECRET), // valid, but for another visitor
      await signValue(`${vid}.0.${other}`, SECRET), // valid, but for another bucket version
    ];
    for (const forged of forgeries) {
      const res = await proxy(request({ cookies: { ...jar, [cookieName]: forged } }));
      expect(assignment(res)).toMatchObject({ variant: honest, counted: true, reason: "assigned" });
      expect(setCookies(res)[cookieName]).toBe(jar[cookieName]);
    }
  });

  it("shows the control and counts nothing without analytics consent", async () => {
    const proxy = makeProxy();
    for (const value of [undefined, "necessary", "garbage"]) {
      for (let i = 0; i < 50; i++) {
        const res = await proxy(request({ cookies: value ? { [CONSENT_COOKIE]: value } : {} }));
        expect(assignment(res)).toMatchObject({ variant: 0, counted: false, reason: "no_consent" });
        expect(setCookies(res)[cookieName]).toBeUndefined();
        // The visitor id (needed for the cart) is still set.
        expect(setCookies(res)[VISITOR_COOKIE]).toBeDefined();
      }
    }
  });

  it("counts no bot and sets it no cookie", async () => {
    const proxy = makeProxy();
    for (const ua of ["Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0", null]) {
      const res = await proxy(request({ cookies: consent, ua }));
      expect(assignment(res)?.counted ?? false).toBe(false);
      expect(res.cookies.getAll()).toEqual([]);
    }
  });

  it("drops an assignment header sent by the client", async () => {
    const proxy = makeProxy();
    const spoofed = JSON.stringify({
      key: "ink-and-paper",
      bucketVersion: 1,
      variant: 1,
      counted: true,
      visitorId: "x",
      utmSource: null,
      reason: "sticky",
    });
    const res = await proxy(request({ path: "/courses", headers: { [ASSIGNMENT_HEADER]: spoofed } }));
    expect(assignment(res)).toBeNull();
  });

  it("passes utm_source through, normalized", async () => {
    const proxy = makeProxy();
    const res = await proxy(request({ cookies: consent, path: "/c/ink-and-paper?utm_source=Newsletter" }));
    expect(assignment(res)?.utmSource).toBe("newsletter");
  });

  it("keeps visitors outside the audience in the control, stickily", async () => {
    const zhOnly = { ...experiment, audience: { ...experiment.audience, locales: ["zh"] } };
    const proxy = makeProxy([zhOnly]);
    const en = await proxy(request({ cookies: consent, headers: { "accept-language": "en-US,en;q=0.9" } }));
    expect(assignment(en)).toMatchObject({ variant: 0, counted: false, reason: "excluded" });
    // The exclusion is remembered even if the visitor later switches language.
    const again = await proxy(request({ cookies: { ...consent, ...setCookies(en), NEXT_LOCALE: "zh" } }));
    expect(assignment(again)).toMatchObject({ counted: false, reason: "excluded" });
    const zh = await proxy(request({ cookies: { ...consent, NEXT_LOCALE: "zh" } }));
    expect(assignment(zh)).toMatchObject({ counted: true, reason: "assigned" });
  });

  it("targets new visitors by first-seen time", async () => {
    const proxy = makeProxy([{ ...experiment, audience: { ...experiment.audience, visitors: "new" } }]);
    const fresh = await proxy(request({ cookies: consent }));
    expect(assignment(fresh)?.counted).toBe(true);
    const old = (Math.floor(NOW / 1000) - 3 * 86_400).toString(36);
    const returning = await proxy(
      request({ cookies: { ...consent, [VISITOR_COOKIE]: "a".repeat(32), [FIRST_SEEN.name]: old } }),
    );
    expect(assignment(returning)).toMatchObject({ counted: false, reason: "excluded" });
  });

  it("renders the control outside the campaign window and for unknown slugs", async () => {
    const proxy = makeProxy([{ ...experiment, endsAt: NOW - 1 }]);
    const ended = await proxy(request({ cookies: consent }));
    expect(assignment(ended)).toMatchObject({ variant: 0, counted: false, reason: "inactive" });
    const unknown = await proxy(request({ cookies: consent, path: "/c/no-such-campaign" }));
    expect(assignment(unknown)).toBeNull();
  });

  it("asks for a visitor -> user link once per session for assigned, signed-in visitors", async () => {
    const link = vi.fn(async () => undefined);
    const proxy = makeProxy([experiment], link);
    const first = await proxy(request({ cookies: consent }));
    const jar: Record<string, string> = { ...consent, ...setCookies(first) };
    expect(link).not.toHaveBeenCalled();
    jar["authjs.session-token"] = "session-one";
    const signedIn = await proxy(request({ cookies: jar, path: "/checkout" }));
    expect(link).toHaveBeenCalledTimes(1);
    Object.assign(jar, setCookies(signedIn));
    expect(jar[VISITOR_LINK.name]).toBeDefined();
    await proxy(request({ cookies: jar, path: "/orders" }));
    expect(link).toHaveBeenCalledTimes(1);
    jar["authjs.session-token"] = "session-two";
    await proxy(request({ cookies: jar, path: "/orders" }));
    expect(link).toHaveBeenCalledTimes(2);
  });

  it("gives new bandit weights to new visitors only: assigned visitors keep their variant", async () => {
    const before = makeProxy([{ ...experiment, weights: [0.5, 0.5] }]);
    const jars: { jar: Record<string, string>; variant: number }[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await before(request({ cookies: consent }));
      jars.push({ jar: { ...consent, ...setCookies(res) }, variant: assignment(res)!.variant });
    }
    expect(jars.filter((j) => j.variant === 0).length).toBeGreaterThan(50);
    const after = makeProxy([{ ...experiment, weights: [0.01, 0.99] }]);
    for (const { jar, variant } of jars)
      expect(assignment(await after(request({ cookies: jar })))?.variant).toBe(variant);
    let control = 0;
    for (let i = 0; i < 200; i++) if (assignment(await after(request({ cookies: consent })))?.variant === 0) control++;
    expect(control).toBeLessThan(12);
  });
});

describe("proxy cookies and forwarded headers", () => {
  it("marks its cookies Secure by the site's rule alone, whatever the request looks like", async () => {
    const config = buildRuntimeConfig([experiment], NOW);
    const cache = createConfigCache({
      fetcher: async () => ({ status: "ok", config, etag: config.version }),
      now: () => NOW,
    });
    const over = (secureCookies: boolean, url = "http://localhost:3103/") =>
      createProxy({ secret: SECRET, configFor: () => cache, now: () => NOW, secureCookies })(
        new NextRequest(url, { headers: { "user-agent": BROWSER } }),
      );
    expect((await over(true)).cookies.get(VISITOR_COOKIE)?.secure).toBe(true);
    expect((await over(false)).cookies.get(VISITOR_COOKIE)?.secure).toBe(false);
    // A request that claims https (X-Forwarded-Proto can be forged) does not change the answer.
    expect((await over(false, "https://localhost:3103/")).cookies.get(VISITOR_COOKIE)?.secure).toBe(false);
  });

  it("forwards extra request headers to the render (the CSP nonce)", async () => {
    const res = await makeProxy()(
      request({ path: "/courses", cookies: { [VISITOR_COOKIE]: "v".repeat(22) } }),
      undefined,
      { "content-security-policy": "script-src 'nonce-x'" },
    );
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe("script-src 'nonce-x'");
  });
});
