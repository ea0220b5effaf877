import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy, newNonce, servedOverHttps } from "./security-headers";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  it("allows scripts by nonce only: no 'unsafe-inline', no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123" });
    const scripts = directive(csp, "script-src")!;
    expect(scripts).toContain("'nonce-abc123'");
    expect(scripts).not.toContain("unsafe-inline");
    expect(scripts).not.toContain("unsafe-eval");
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "img-src")).toBe("img-src 'self' data: blob:");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });
});

describe("baseSecurityHeaders", () => {
  it("sends nosniff, the referrer policy and a permissions policy; HSTS only over https", () => {
    const http = baseSecurityHeaders({ https: false });
    expect(http["X-Content-Type-Options"]).toBe("nosniff");
    expect(http["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(http["Permissions-Policy"]).toContain("camera=()");
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{7,}/);
  });
});

describe("servedOverHttps and newNonce", () => {
  it("takes https from SITE_URL, not from the request", () => {
    expect(servedOverHttps("https://atelier.example")).toBe(true);
    expect(servedOverHttps("http://localhost:3000")).toBe(false);
  });
  it("makes a different 128-bit nonce each time", () => {
    const a = newNonce();
    expect(atob(a)).toHaveLength(16);
    expect(newNonce()).not.toBe(a);
  });
});
