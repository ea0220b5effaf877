import { randomBytes } from "node:crypto";
import { type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO, DEMO_PASSWORD, expect, test } from "./fixtures";
import { PAY } from "./pages/checkout-page";

/** Markup that would run if any of it reached the DOM as HTML, or a link as a javascript: URL. */
const XSS = `<script>window.__xss=1</script><img src=x onerror="window.__xss=2"> [go](javascript:window.__xss=3) javascript:window.__xss=4 </script>`;
const XSS_TITLE = `<img src=x onerror=window.__xss=5><script>window.__xss=6</script>`;

function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 60 } } })
    .png()
    .toBuffer();
const xssFired = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

test("markup in a review, a comment and a work title stays inert text, in the page and in the JSON-LD; a hidden work is gone with its image", async ({
  page,
  users,
  signInPage,
}) => {
  const dialogs = watchDialogs(page);
  const stamp = `#${Date.now()}`;
  const review = `Review ${XSS} ${stamp}`;
  const comment = `Comment ${XSS} https://example.com/brushes ${stamp}`;
  const title = `Work ${XSS_TITLE} ${stamp}`;
  await users.signUp({ page, name: "Xavier Scripter", label: "xss" });

  // An artwork from the middle of the catalogue, away from the other journeys' products.
  await page.goto("/artworks?sort=price_asc&page=2");
  await page.getByRole("list", { name: "Artworks" }).locator('a[href^="/artworks/"]').nth(3).click();
  await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);
  const path = new URL(page.url()).pathname;

  const reviewForm = page.getByRole("form", { name: "Your review" });
  await reviewForm.getByLabel("5 stars").check();
  await reviewForm.getByLabel("What did you think? (optional)").fill(review);
  await reviewForm.getByRole("button", { name: /Post review|Update your review/ }).click();
  await expect(reviewForm.getByRole("status")).toHaveText("Thank you: your review is posted.");

  const questions = page.getByRole("region", { name: "Questions and comments" });
  await questions.getByRole("form", { name: "Ask a question or leave a comment" }).getByRole("textbox").fill(comment);
  await questions.getByRole("button", { name: "Post", exact: true }).click();
  await expect(questions.getByText(comment, { exact: true })).toBeVisible();

  const gallery = page.getByRole("region", { name: "Community works" });
  await gallery.getByText("Share your own work").click();
  const workForm = gallery.getByRole("form", { name: "Share your work" });
  await workForm
    .getByLabel("Image")
    .setInputFiles({ name: "study.png", mimeType: "image/png", buffer: await png(400, 300) });
  await workForm.getByLabel("Title").fill(title);
  await workForm.getByLabel("The story behind it").fill(XSS);
  await workForm.getByRole("button", { name: "Publish" }).click();
  await expect(workForm.getByRole("status")).toHaveText("Published. Thank you for sharing!");

  // Fresh server render: every field shows literally, nothing ran, no element was made from the text.
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Reviews" }).getByRole("listitem").getByText(review, { exact: true }),
  ).toBeVisible();
  await expect(questions.getByText(comment, { exact: true })).toBeVisible();
  const work = gallery.getByRole("list", { name: "Community works" }).getByRole("listitem").filter({ hasText: stamp });
  await expect(work.getByText(title, { exact: true })).toBeVisible();
  await expect(work.getByRole("img", { name: title })).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  await expect(
    questions
      .getByRole("listitem")
      .filter({ hasText: stamp })
      .getByRole("link", { name: "https://example.com/brushes" }),
  ).toHaveAttribute("rel", /nofollow/);
  expect(await xssFired(page)).toBeUndefined();

  // The raw HTML never carries the markup as markup (escaped in text, \u003c in JSON-LD and RSC data).
  const html = await (await page.request.get(path)).text();
  expect(html).not.toContain("<script>window.__xss");
  expect(html).not.toContain("<img src=x");
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(ld.review.map((r: { reviewBody?: string }) => r.reviewBody)).toContain(review);

  // An admin hides the work: it leaves the gallery and its image is no longer served.
  const imageUrl = await work.getByRole("img", { name: title }).getAttribute("src");
  expect((await page.request.get(imageUrl!)).status()).toBe(200);
  await signInPage.signOut();
  await signInPage.signIn(DEMO.admin, { password: DEMO_PASSWORD });
  await page.goto(path);
  const seenByAdmin = page
    .getByRole("region", { name: "Community works" })
    .getByRole("listitem")
    .filter({ hasText: stamp });
  await seenByAdmin.getByRole("button", { name: "Report" }).click();
  await expect(seenByAdmin.getByText("Reported. Thank you.")).toBeVisible();
  await page.goto("/studio/moderation");
  const queued = page.getByRole("list", { name: "Moderation" }).getByRole("listitem").filter({ hasText: stamp });
  await expect(queued.getByText(title)).toBeVisible();
  await queued.getByRole("button", { name: "Hide" }).click();
  await expect(queued).toHaveCount(0);
  await signInPage.signOut();
  await page.goto(path);
  await expect(page.getByRole("region", { name: "Community works" }).getByText(stamp)).toHaveCount(0);
  expect((await page.request.get(imageUrl!)).status()).toBe(404);
  expect(await xssFired(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
});

test("a student who finished a course shares a work; it appears on the course and creator pages; fake and oversized images are refused", async ({
  page,
  users,
  checkoutPage,
}) => {
  const dialogs = watchDialogs(page);
  await users.signUp({ page, name: "Wen Student", label: "student" });

  // Buy a course and finish it first, as a student would before sharing what they made.
  await page.goto("/courses?sort=price_asc");
  await page.getByRole("list", { name: "Courses" }).locator('a[href^="/courses/"]').first().click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);
  const coursePath = new URL(page.url()).pathname;
  const slug = coursePath.split("/").pop()!;
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await checkoutPage.checkout(PAY.succeed);
  await checkoutPage.placed();
  await page.goto(`/learn/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/learn/${slug}/[a-z0-9-]+$`));
  const lessons = await page
    .getByRole("navigation", { name: "Course lessons" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(lessons.length).toBeGreaterThan(1);
  for (const lesson of lessons) {
    await page.goto(lesson);
    await page.getByRole("button", { name: "Mark as complete" }).click();
    await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  }
  await expect(page.getByText(`${lessons.length} of ${lessons.length} lessons completed`).first()).toBeVisible();
  await page.goto(coursePath);
  const creatorPath = await page.locator('a[href^="/creators/"]').first().getAttribute("href");

  const gallery = page.getByRole("region", { name: "Community works" });
  await gallery.getByText("Share your own work").click();
  const form = gallery.getByRole("form", { name: "Share your work" });
  await form.getByLabel("Title").fill("Not really a painting");

  // A text file named like an image is refused by its content.
  await form.getByLabel("Image").setInputFiles({
    name: "painting.png",
    mimeType: "image/png",
    buffer: Buffer.from("<script>alert(1)</script>".repeat(40)),
  });
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByText("That file is not an image we can read")).toBeVisible();

  // A file over 8 MB is refused before it is sent.
  await form
    .getByLabel("Image")
    .setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: randomBytes(9 * 1024 * 1024) });
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByText("The image is larger than 8 MB.")).toBeVisible();

  const title = `Bamboo after lesson 3 #${Date.now()}`;
  await form
    .getByLabel("Image")
    .setInputFiles({ name: "bamboo.png", mimeType: "image/png", buffer: await png(900, 600) });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("The story behind it").fill("Three evenings of practice.");
  await form.getByLabel("Tags (comma separated)").fill("bamboo, ink");
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByRole("status")).toHaveText("Published. Thank you for sharing!");

  const work = gallery.getByRole("list", { name: "Community works" }).getByRole("listitem").filter({ hasText: title });
  await expect(work.getByText(title, { exact: true })).toBeVisible();
  await expect(work.getByText("#bamboo #ink")).toBeVisible();
  const img = work.getByRole("img", { name: title });
  await expect(img).toHaveJSProperty("complete", true);
  // The original keeps its 900 px; the gallery also offers copies, made on their first request.
  const src = (await img.getAttribute("src"))!;
  expect(await img.getAttribute("srcset")).toBe(`${src}?w=400 400w, ${src}?w=800 800w, ${src} 900w`);
  for (const [url, width] of [
    [src, 900],
    [`${src}?w=400`, 400],
  ] as const) {
    const served = await page.request.get(url);
    expect(served.headers()["content-type"]).toBe("image/webp");
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");
    expect(served.headers()["cache-control"]).toMatch(/max-age=600/);
    expect((await sharp(await served.body()).metadata()).width, url).toBe(width);
  }
  expect((await page.request.get(`${src}?w=1234`)).status()).toBe(400);

  // The creator's page shows it too, with the course that inspired it.
  await page.goto(creatorPath!);
  const onCreator = page
    .getByRole("region", { name: "Community works" })
    .getByRole("listitem")
    .filter({ hasText: title });
  await expect(onCreator.getByRole("link", { name: "Wen Student" })).toBeVisible();
  await expect(onCreator.getByRole("link").filter({ hasNotText: "Wen Student" })).toHaveAttribute("href", coursePath);
  expect(dialogs).toEqual([]);
});

test("the analytics choice can be changed from the account's privacy page", async ({
  page,
  context,
  consumer: _person,
}) => {
  await page.goto("/account/privacy");
  const choice = page.getByRole("form", { name: "Analytics cookies" });
  await choice.getByRole("button", { name: "Necessary only" }).click();
  await expect(choice.getByRole("status")).toHaveText(/^Only necessary cookies/);
  await expect(choice.getByRole("button", { name: "Necessary only" })).toHaveAttribute("aria-pressed", "true");
  expect((await context.cookies()).find((c) => c.name === "atelier_consent")?.value).toBe("necessary");
  await choice.getByRole("button", { name: "Allow analytics" }).click();
  await expect(choice.getByRole("status")).toHaveText(/^You allow analytics/);
  await expect(choice.getByRole("button", { name: "Allow analytics" })).toHaveAttribute("aria-pressed", "true");
  expect((await context.cookies()).find((c) => c.name === "atelier_consent")?.value).toBe("analytics");
});
