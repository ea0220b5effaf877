import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { servedOverHttps } from "@/lib/security-headers";
import {
  assignmentCookie,
  CONSENT,
  cookieToSet,
  FIRST_SEEN,
  LOCALE,
  SECURE_COOKIES,
  setCookieHeader,
  VISITOR,
  VISITOR_LINK,
} from "./cookies";

describe("cookie definitions", () => {
  it("keep the names browsers already hold and the end-to-end tests use", () => {
    expect([VISITOR, FIRST_SEEN, VISITOR_LINK, CONSENT, LOCALE].map((c) => c.name)).toEqual([
      "atelier_vid",
      "atelier_vfs",
      "atelier_xl",
      "atelier_consent",
      "NEXT_LOCALE",
    ]);
    expect(assignmentCookie("ink-and-paper").name).toBe("atelier_ab_ink-and-paper");
  });

  it("hide every cookie from scripts except the ones browser code reads", () => {
    expect([VISITOR, FIRST_SEEN, VISITOR_LINK, assignmentCookie("k")].every((c) => c.httpOnly)).toBe(true);
    expect([CONSENT, LOCALE].some((c) => c.httpOnly)).toBe(false);
  });

  it("take Secure from SITE_URL alone", () => {
    expect(SECURE_COOKIES).toBe(servedOverHttps(env.SITE_URL));
    expect(cookieToSet(CONSENT, "analytics").secure).toBe(SECURE_COOKIES);
  });
});

describe("cookieToSet and setCookieHeader", () => {
  it("give the same attributes in both forms", () => {
    expect(cookieToSet(CONSENT, "analytics", { secure: true })).toEqual({
      name: "atelier_consent",
      value: "analytics",
      maxAge: 31_536_000,
      path: "/",
      httpOnly: false,
      sameSite: "lax",
      secure: true,
    });
    expect(setCookieHeader(CONSENT, "analytics", { secure: true })).toBe(
      "atelier_consent=analytics; Path=/; Max-Age=31536000; SameSite=Lax; Secure",
    );
    expect(setCookieHeader(VISITOR, "v".repeat(32), { secure: false })).toBe(
      `atelier_vid=${"v".repeat(32)}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax`,
    );
  });
});
