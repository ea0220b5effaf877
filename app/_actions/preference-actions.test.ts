/**
 * The consent banner and the language switcher post to actions anyone can call: only a form with a known
 * choice sets a cookie; any other body (not a form, unknown values, a return path off this site) changes
 * nothing and never throws anything but the redirect.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { LOCALE_COOKIE } from "@/i18n/locales";
import { redirectOf } from "@/test/redirect-mock";

const jar = vi.hoisted(() => ({ set: [] as unknown[][] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (...args: unknown[]) => jar.set.push(args) }),
}));
vi.mock("next/navigation", () => import("@/test/redirect-mock"));
// Signed out here: a signed-in person's account language is covered in auth-actions.test.ts.
vi.mock("@/lib/server/session", () => import("@/test/session-mock"));

const { setConsentAction } = await import("./consent");
const { setLocaleAction } = await import("./locale");

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  return fd;
};
const notForms = [undefined, null, "choice=analytics", { choice: "analytics", locale: "zh" }, ["locale", "zh"], 42];

beforeEach(() => {
  jar.set = [];
});

describe("setConsentAction", () => {
  it("stores a known choice", async () => {
    await setConsentAction(form({ choice: "analytics" }));
    expect(jar.set).toHaveLength(1);
    expect(jar.set[0]?.[0]).toMatchObject({ value: "analytics", path: "/" });
  });

  it("ignores unknown choices and bodies that are not forms", async () => {
    await setConsentAction(form({ choice: "everything" }));
    for (const body of notForms) await setConsentAction(body as unknown as FormData);
    expect(jar.set).toEqual([]);
  });
});

describe("setLocaleAction", () => {
  it("stores a known locale and returns to the same-site page", async () => {
    // The same page, now at its Chinese address.
    expect(await redirectOf(setLocaleAction(form({ locale: "zh", returnTo: "/artworks?q=ink" })))).toBe(
      "/zh/artworks?q=ink",
    );
    expect(jar.set).toEqual([[expect.objectContaining({ name: LOCALE_COOKIE, value: "zh", path: "/" })]]);
  });

  it("sends a return path off this site, or with a control character, home instead", async () => {
    expect(await redirectOf(setLocaleAction(form({ locale: "en", returnTo: "//evil.example" })))).toBe("/");
    expect(await redirectOf(setLocaleAction(form({ locale: "en", returnTo: "/a\u0000b" })))).toBe("/");
  });

  it("changes nothing for an unknown locale or a body that is not a form", async () => {
    expect(await redirectOf(setLocaleAction(form({ locale: "xx", returnTo: "/" })))).toBe("/");
    for (const body of notForms) expect(await redirectOf(setLocaleAction(body as unknown as FormData))).toBe("/");
    expect(jar.set).toEqual([]);
  });
});
