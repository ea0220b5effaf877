import { createHash } from "node:crypto";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { CheckoutPage, PAY } from "./pages/checkout-page";
import { SignInPage } from "./pages/sign-in-page";

function localInput(d: Date): string {
  return d.toISOString().slice(0, 16);
}

test("a marketer launches a two-variant campaign; a visitor's purchase is counted under the variant they saw", async ({
  browser,
  baseURL,
  users,
}) => {
  test.setTimeout(180_000);
  const slug = `e2e-${Date.now().toString(36)}`;

  // 1. The marketer creates the campaign; a first attempt with weights that do not add up is refused.
  const marketer = await browser.newContext();
  const m = await marketer.newPage();
  await new SignInPage(m).signIn(DEMO.marketer, { password: DEMO_PASSWORD, callbackUrl: "/studio/campaigns/new" });
  // The form is a client component: fill it once it has hydrated (its JSON payload follows the fields).
  await expect(async () => {
    await m.locator("#name").fill(`E2E ${slug}`);
    expect(await m.locator('input[name="payload"]').getAttribute("value")).toContain(`E2E ${slug}`);
  }).toPass({ timeout: 60_000 });
  await m.locator("#slug").fill(slug);
  await m.locator("#startsAt").fill(localInput(new Date(Date.now() - 86_400_000)));
  await m.locator("#endsAt").fill(localInput(new Date(Date.now() + 30 * 86_400_000)));
  await m.locator("#partner-0").selectOption({ label: "Lin Mei (instructor)" });
  await m.locator("#partner-1").selectOption({ label: "West Lake Gallery (gallery)" });
  await m.locator("#bundle-title").fill("Ink course + lotus edition");
  await m.locator("#bundle-price").fill("449.00");
  await m.locator("#items-0").selectOption({ label: "Misty mountains in ink · Lin Mei" });
  await m.locator("#items-1").selectOption({ label: "Evening Lotus Pond · West Lake Gallery" });
  await m.locator("#hero-title").fill("Paint the mountain, then live with one");
  await m.locator("#variant-1-headline").fill("Save $70 on a course and a framed edition");
  await m.locator("#variant-1-weight").fill("60");
  await m.getByRole("button", { name: "Save" }).click();
  await expect(m.getByText("The variant weights must add up to 100%.").first()).toBeVisible();
  await m.locator("#variant-1-weight").fill("50");
  await m.getByRole("button", { name: "Save" }).click();
  await m.waitForURL(/\/studio\/campaigns\/[^/]+\?saved=1$/);
  const campaignId = new URL(m.url()).pathname.split("/").pop() as string;
  await m.getByRole("button", { name: "Launch" }).click();
  await expect(m.getByText(/Now running/)).toBeVisible();

  // 2. A visitor who accepted analytics lands: the first HTML response already carries the variant.
  const visitor = await browser.newContext();
  await visitor.addCookies([{ name: "atelier_consent", value: "analytics", url: baseURL as string }]);
  const v = await visitor.newPage();
  // The proxy polls its config every few seconds: wait until the launch has reached it.
  await expect(async () => {
    await v.goto(`/c/${slug}?utm_source=e2e`);
    expect(await v.locator("article[data-experiment]").getAttribute("data-experiment")).toBe(slug);
    const cookies = await visitor.cookies();
    expect(cookies.some((c) => c.name === `atelier_ab_${slug}`)).toBe(true);
  }).toPass({ timeout: 30_000 });
  const variant = (await v.locator("article[data-experiment]").getAttribute("data-variant")) as string;
  expect(["control", "variant-b"]).toContain(variant);
  const cookieHeader = (await visitor.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const raw = await (await v.request.get(`/c/${slug}`, { headers: { cookie: cookieHeader } })).text();
  expect(raw).toContain(`data-variant="${variant}"`);
  for (let i = 0; i < 3; i++) {
    await v.reload();
    expect(await v.locator("article[data-experiment]").getAttribute("data-variant")).toBe(variant);
  }

  // 3. They put the bundle in the cart, create an account and pay.
  await v.locator(`button[data-cta="${variant}"]`).click();
  await expect(v.getByText("The bundle is in your cart.")).toBeVisible();
  await users.signUp({ page: v, name: "Campaign Buyer", label: `buyer-${slug}`, callbackUrl: "/checkout" });
  const checkout = new CheckoutPage(v);
  await checkout.placeOrder(PAY.succeed);
  await checkout.placed();
  // The bundle's print is numbered like a print bought alone, on the order and on its invoice.
  await expect(v.getByTestId("edition-number")).toHaveText(/^Evening Lotus Pond: edition \d+ \/ 30$/);
  await v.getByRole("link", { name: "Invoice" }).click();
  await expect(v.getByTestId("invoice-line")).toContainText(/Evening Lotus Pond: edition \d+ \/ 30/);

  // 4. The results page counts one visitor and one conversion under that variant, none under the other.
  await expect(async () => {
    await m.goto(`/studio/campaigns/${campaignId}/results`);
    const row = m.locator(`tr[data-variant-row="${variant}"]`);
    await expect(row.locator('[data-metric="visitors"]')).toHaveText("1", { timeout: 1000 });
    await expect(row.locator('[data-metric="conversions"]')).toHaveText("1", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const other = variant === "control" ? "variant-b" : "control";
  await expect(m.locator(`tr[data-variant-row="${other}"] [data-metric="conversions"]`)).toHaveText("0");

  // The CSV export carries the same numbers.
  const csv = await (await m.request.get(`/studio/campaigns/${campaignId}/results/export?kind=summary`)).text();
  const line = csv.split("\r\n").find((l) => l.split(",")[3] === variant) as string;
  expect(line.split(",").slice(6, 8)).toEqual(["1", "1"]);

  await marketer.close();
  await visitor.close();
});

test("visitors without analytics consent and bots see the control and are not counted", async ({
  browser,
  request,
}) => {
  const page = await (await browser.newContext()).newPage();
  await page.goto("/c/ink-and-paper");
  expect(await page.locator("article[data-experiment]").getAttribute("data-variant")).toBe("control");
  const bot = await request.get("/c/ink-and-paper", {
    headers: { "user-agent": "Googlebot/2.1 (+http://www.google.com/bot.html)" },
  });
  expect(await bot.text()).toContain('data-variant="control"');
  expect(bot.headers()["set-cookie"] ?? "").not.toContain("atelier_ab_");
});

/** The id the demo seed gives a campaign (lib/seed/ids.ts), so the spec can open its results directly. */
function seededCampaignId(slug: string): string {
  const h = createHash("sha1").update(`campaign:${slug}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

test("the seeded demo experiments show the analysis: winner, A/A check, SRM blocking the call, in both languages", async ({
  page,
  signInPage,
}) => {
  test.setTimeout(120_000);
  await signInPage.signIn(DEMO.marketer, { password: DEMO_PASSWORD, callbackUrl: "/studio/campaigns" });

  // A real effect: sequential test explained, a winner declared, CUPED's reduction and the plan shown.
  await page.goto(`/studio/campaigns/${seededCampaignId("ink-and-paper-headline")}/results`);
  await expect(page.locator("[data-test-kind]")).toHaveAttribute("data-test-kind", "sequential");
  await expect(page.getByText(/Looking every day is safe/)).toBeVisible();
  const recommendation = page.locator("[data-recommendation]");
  await expect(recommendation).toHaveAttribute("data-recommendation", "winner");
  await expect(recommendation).toContainText("Declare a winner: Savings headline");
  await expect(page.locator("[data-cuped]")).toContainText(/Variance reduced by \d+(\.\d)?%/);
  await expect(page.locator("[data-plan]")).toContainText(/visitors per variant/);
  await expect(page.locator("progress")).toBeVisible();
  await expect(page.locator('[data-metric-row="refunds"]')).toContainText("guardrail");
  await expect(page.getByText(/winsorized at the 99th percentile/)).toBeVisible();
  await expect(page.getByText(/Holm's step-down method/)).toBeVisible();

  // The A/A test is labelled as one and passes.
  await page.goto(`/studio/campaigns/${seededCampaignId("ink-and-paper-aa")}/results`);
  await expect(page.locator("[data-aa]")).toHaveText("A/A test");
  await expect(page.locator("[data-recommendation]")).toHaveAttribute("data-recommendation", "aa_passed");

  // The broken split: the SRM alert comes first and the winner call is withheld because of it.
  await page.goto(`/studio/campaigns/${seededCampaignId("ink-and-paper-srm")}/results`);
  await expect(page.getByRole("alert").filter({ hasText: "Sample ratio mismatch" })).toBeVisible();
  await expect(page.locator("[data-recommendation]")).toHaveAttribute("data-recommendation", "withheld");
  await expect(page.locator('[data-recommendation] [data-reason="srm"]')).toBeVisible();
  await expect(page.locator("[data-test-kind]")).toHaveAttribute("data-test-kind", "fixed");
  await expect(page.getByText(/Read it once, at the planned sample size/)).toBeVisible();

  // The same explanation in Chinese.
  await page.goto("/courses");
  await page.getByRole("form", { name: "Language" }).getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.goto(`/studio/campaigns/${seededCampaignId("ink-and-paper-headline")}/results`);
  await expect(page.getByText(/每天查看是安全的/)).toBeVisible();
  await expect(page.locator("[data-recommendation]")).toContainText("宣布胜出版本");
});

test("the campaign form names errors by their labels, plans the sample size, previews variants and disables what cannot change", async ({
  page,
  signInPage,
}) => {
  test.setTimeout(120_000);
  await signInPage.signIn(DEMO.marketer, { password: DEMO_PASSWORD, callbackUrl: "/studio/campaigns/new" });
  await expect(async () => {
    await page.locator("#variant-1-headline").fill("Two for the price of one");
    // The live preview follows the typing (the form has hydrated once it does).
    await expect(page.locator("[data-variant-preview]").nth(1)).toContainText("Two for the price of one", {
      timeout: 1000,
    });
  }).toPass({ timeout: 60_000 });

  // Planning: a smaller effect needs more visitors; the sequential test (the default) more than fixed.
  await expect(page.locator("#sequential")).toBeChecked();
  await page.locator("#baseline").fill("4");
  await page.locator("#mde").fill("20");
  const perVariant = async () => Number(await page.locator("[data-per-variant]").getAttribute("data-per-variant"));
  const sequential20 = await perVariant();
  await page.locator("#mde").fill("10");
  await expect.poll(perVariant).toBeGreaterThan(sequential20 * 3);
  await page.locator("#mde").fill("20");
  await page.locator("#sequential").uncheck();
  await expect.poll(perVariant).toBeLessThan(sequential20);
  await expect(page.locator("[data-plan-form]")).toContainText(/visitors per variant/);

  // An empty form: errors use the form's labels, not payload paths.
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.getByRole("alert").first();
  await expect(summary).toContainText("Partner 1");
  await expect(summary).toContainText("Bundle item 1");
  await expect(summary).not.toContainText("partnerIds.0");
  await expect(summary).not.toContainText("bundle.itemIds.0");
  await expect(summary.getByRole("link", { name: "Partner 1" })).toHaveAttribute("href", "#partner-0");

  // A running campaign: bandit mode and the analysis settings are disabled, with the reason shown.
  await page.goto(`/studio/campaigns/${seededCampaignId("ink-and-paper-headline")}`);
  await expect(page.locator('input[name="mode-choice"][value="bandit"]')).toBeDisabled();
  await expect(page.locator('[data-locked-reason="mode"]')).toContainText(
    "Cannot be changed while the campaign is running",
  );
  await expect(page.locator("#sequential")).toBeDisabled();
  await expect(page.locator('[data-locked-reason="analysis"]')).toBeVisible();
});
