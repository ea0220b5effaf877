import { type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";

/**
 * The Content-Security-Policy in a real browser: the main pages hydrate under it (React has attached
 * to the DOM and a client interaction works) and the browser reports no violation. Scripts run by
 * nonce only (lib/security-headers.ts says why not experimental.sri).
 */

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(msg.text()))
      violations.push(msg.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  return violations;
}

/** React attaches its fiber to the DOM nodes it hydrates; a page whose scripts were blocked has none. */
async function expectHydrated(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.keys(document.querySelector("main") ?? document.body).some((k) => k.startsWith("__reactFiber")),
      ),
    )
    .toBe(true);
}

async function firstLink(page: Page, listing: string, prefix: string): Promise<string> {
  await page.goto(listing);
  const href = await page.locator(`main a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

test("HTML pages send the CSP and the other security headers", async ({ request }) => {
  const res = await request.get("/");
  const headers = res.headers();
  const csp = headers["content-security-policy"] ?? "";
  const scripts = csp.split("; ").find((d) => d.startsWith("script-src ")) ?? "";
  expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(scripts).not.toContain("unsafe-inline");
  expect(scripts).not.toContain("unsafe-eval");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over plain http here: no HSTS (it would lock the site out of http), whatever a client claims.
  expect(headers["strict-transport-security"]).toBeUndefined();
  expect(
    (await request.get("/", { headers: { "x-forwarded-proto": "https" } })).headers()["strict-transport-security"],
  ).toBeUndefined();
  // Each response its own nonce, and the page's scripts carry it.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(scripts)![1]!;
  const html = await res.text();
  expect(html).toContain(`nonce="${nonce}"`);
  expect(html).not.toMatch(/<script(?![^>]*nonce=)(?![^>]*type="application\/ld\+json")[^>]*>/);
  // API responses and images get the base headers too.
  expect((await request.get("/api/health")).headers()["x-content-type-options"]).toBe("nosniff");
});

test("the main pages hydrate and work under the CSP with no violation", async ({ page }) => {
  const violations = watchViolations(page);
  const course = await firstLink(page, "/courses", "/courses/");
  const artwork = await firstLink(page, "/artworks", "/artworks/");
  for (const path of ["/", course, artwork, "/sign-in", "/cart"]) {
    await page.goto(path);
    await expectHydrated(page);
  }
  // A client interaction: adding to the cart runs a server action from a hydrated button.
  await page.goto(course);
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the studio hydrates under the CSP with no violation", async ({ page, signInPage }) => {
  const violations = watchViolations(page);
  await signInPage.signIn(DEMO.creator, { password: DEMO_PASSWORD, callbackUrl: "/studio" });
  await expectHydrated(page);
  await page.goto("/studio/products");
  await expectHydrated(page);
  expect(violations).toEqual([]);
});

test("the site cannot be framed", async ({ page, baseURL }) => {
  const violations: string[] = [];
  page.on("console", (msg) => violations.push(msg.text()));
  await page.goto("/api/health");
  // An embedding page on another origin (about:blank here) asks for the home page in a frame.
  await page.setContent(`<iframe src="${baseURL}/" id="f"></iframe>`);
  await expect.poll(() => violations.some((v) => /frame-ancestors|refused to (display|frame)/i.test(v))).toBe(true);
});
