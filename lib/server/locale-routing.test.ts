import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createConfigCache } from "@/lib/experiments/config-cache";
import { buildRuntimeConfig } from "@/lib/experiments/runtime";
import { ASSIGNMENT_HEADER, parseAssignmentHeader } from "@/lib/experiments/visitor-assignment";
import { CONSENT_COOKIE } from "@/lib/visitor";
import { createProxy } from "./experiments-proxy";
import { respondInLocale } from "./locale-routing";

const NOW = Date.UTC(2026, 4, 1);
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const config = buildRuntimeConfig(
  [
    {
      key: "ink-and-paper",
      slug: "ink-and-paper",
      bucketVersion: 1,
      coverage: 1,
      weights: [0.5, 0.5],
      variantKeys: ["control", "story"],
      startsAt: NOW - 86_400_000,
      endsAt: NOW + 86_400_000,
      // Only Chinese-speaking visitors take part: the language decides whether there is an assignment.
      audience: { locales: ["zh"], visitors: "all", clusters: false },
    },
  ],
  NOW,
);
const cache = createConfigCache({
  fetcher: async () => ({ status: "ok", config, etag: config.version }),
  now: () => NOW,
});
const proxy = createProxy({
  secret: "test-experiment-secret-0123456789",
  configFor: () => cache,
  now: () => NOW,
  respond: respondInLocale,
});

function visit(path: string, { cookie, language }: { cookie?: string; language?: string } = {}) {
  const headers = new Headers({ "user-agent": BROWSER });
  if (cookie) headers.set("cookie", cookie);
  if (language) headers.set("accept-language", language);
  return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }), undefined, {
    "content-security-policy": "script-src 'nonce-n1'",
  });
}

/** Where the page is rendered from (a rewrite), or null when the URL is served as it is. */
const rewrittenTo = (res: Response) => {
  const to = res.headers.get("x-middleware-rewrite");
  return to ? new URL(to).pathname + new URL(to).search : null;
};
const redirectedTo = (res: Response) => {
  const to = res.headers.get("location");
  return to ? new URL(to).pathname + new URL(to).search : null;
};
const forwarded = (res: Response, name: string) => res.headers.get(`x-middleware-request-${name}`);

describe("the language in the URL", () => {
  it("serves English at today's paths, from the English pages", async () => {
    const res = await visit("/courses?page=2");
    expect(res.status).toBe(200);
    expect(rewrittenTo(res)).toBe("/en/courses?page=2");
    expect(forwarded(res, "x-next-intl-locale")).toBe("en");
  });

  it("serves Chinese under /zh, and the home page at /zh", async () => {
    const res = await visit("/zh/courses");
    expect(redirectedTo(res)).toBeNull();
    expect(forwarded(res, "x-next-intl-locale")).toBe("zh");
    expect(forwarded(await visit("/zh"), "x-next-intl-locale")).toBe("zh");
  });

  it("sends a visitor who chose Chinese (the cookie of old links) on to the prefixed path, query kept", async () => {
    const res = await visit("/search?q=%E6%B0%B4%E5%A2%A8", { cookie: "NEXT_LOCALE=zh" });
    expect(res.status).toBe(307);
    expect(redirectedTo(res)).toBe("/zh/search?q=%E6%B0%B4%E5%A2%A8");
    expect(redirectedTo(await visit("/", { cookie: "NEXT_LOCALE=zh" }))).toBe("/zh");
  });

  it("sends a first visit from a Chinese browser to Chinese, and keeps English for everyone else", async () => {
    expect(redirectedTo(await visit("/artworks", { language: "zh-CN,zh;q=0.9" }))).toBe("/zh/artworks");
    expect(redirectedTo(await visit("/artworks", { language: "fr-FR,en;q=0.5" }))).toBeNull();
    // A visitor who picked English keeps it, whatever the browser says.
    expect(redirectedTo(await visit("/artworks", { cookie: "NEXT_LOCALE=en", language: "zh-CN" }))).toBeNull();
  });

  it("has one URL per page: /en/… redirects to the unprefixed path", async () => {
    expect(redirectedTo(await visit("/en/courses/ink"))).toBe("/courses/ink");
  });

  it("remembers the language of a /zh/ page the visitor opened", async () => {
    const res = await visit("/zh/artworks", { cookie: "NEXT_LOCALE=en" });
    expect(res.cookies.get("NEXT_LOCALE")).toMatchObject({ value: "zh", maxAge: 365 * 24 * 60 * 60, path: "/" });
  });

  it("sets no language cookie on an English page for a request that asks for no language (a crawler)", async () => {
    const crawler = (path: string, language?: string) => {
      const headers = new Headers({ "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" });
      if (language) headers.set("accept-language", language);
      return proxy(new NextRequest(`http://localhost:3000${path}`, { headers }));
    };
    for (const language of [undefined, "*", " * "]) {
      const res = await crawler("/courses", language);
      expect(rewrittenTo(res), String(language)).toBe("/en/courses");
      expect(res.headers.get("set-cookie"), String(language)).toBeNull();
    }
    // Without the proxy's forwarded headers too (the path most English pages take).
    const direct = respondInLocale(new NextRequest("http://localhost:3000/artworks"), undefined);
    expect(rewrittenTo(direct)).toBe("/en/artworks");
    expect(direct.headers.get("set-cookie")).toBeNull();
    // A /zh/ page opened this way is still remembered, and a Chinese browser still goes to Chinese.
    expect((await crawler("/zh/courses")).cookies.get("NEXT_LOCALE")?.value).toBe("zh");
    expect(redirectedTo(await visit("/courses", { language: "zh" }))).toBe("/zh/courses");
  });

  it("still forwards the CSP nonce and sets the visitor cookie on a rewritten page", async () => {
    const res = await visit("/courses");
    expect(forwarded(res, "content-security-policy")).toBe("script-src 'nonce-n1'");
    expect(res.cookies.get("atelier_vid")?.value).toBeTruthy();
  });

  it("assigns a landing page's experiment in the language of its URL", async () => {
    const cookie = `${CONSENT_COOKIE}=analytics`;
    const zh = parseAssignmentHeader(forwarded(await visit("/zh/c/ink-and-paper", { cookie }), ASSIGNMENT_HEADER));
    expect(zh).toMatchObject({ reason: "assigned", counted: true });
    const en = parseAssignmentHeader(forwarded(await visit("/c/ink-and-paper", { cookie }), ASSIGNMENT_HEADER));
    expect(en).toMatchObject({ variant: 0, counted: false, reason: "excluded" });
  });
});
