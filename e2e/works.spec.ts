import { expect, test } from "@playwright/test";
import sharp from "sharp";

test("a student who finished a course shares a work; it appears in the course's gallery, a fake image is refused", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Wen Student");
  await page.getByLabel("Email").fill(`student-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("practice-daily-12");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // Buy a course and finish it first, as a student would before sharing what they made.
  await page.goto("/courses?sort=price_asc");
  await page.getByRole("list", { name: "Courses" }).locator('a[href^="/courses/"]').first().click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);
  const coursePath = new URL(page.url()).pathname;
  const slug = coursePath.split("/").pop()!;
  await page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByText("Added to your cart.")).toBeVisible();
  await page.goto("/checkout");
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByRole("button", { name: "Place order" }).click();
  await expect(page).toHaveURL(/\/orders\/[^/?]+/);
  await page.goto(`/learn/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/learn/${slug}/[a-z0-9-]+$`));
  const lessons = await page.getByRole("navigation", { name: "Course lessons" }).getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(lessons.length).toBeGreaterThan(1);
  for (const lesson of lessons) {
    await page.goto(lesson);
    await page.getByRole("button", { name: "Mark as complete" }).click();
    await expect(page.getByRole("button", { name: "Mark as complete" })).toHaveCount(0);
  }
  await expect(page.getByText(`${lessons.length} of ${lessons.length} lessons completed`).first()).toBeVisible();
  await page.goto(coursePath);

  const gallery = page.getByRole("region", { name: "Community works" });
  await gallery.getByText("Share your own work").click();
  const form = gallery.getByRole("form", { name: "Share your work" });

  // A text file named like an image is refused by its content.
  await form.getByLabel("Image").setInputFiles({ name: "painting.png", mimeType: "image/png", buffer: Buffer.from("<script>alert(1)</script>".repeat(40)) });
  await form.getByLabel("Title").fill("Not really a painting");
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByText("That file is not an image we can read")).toBeVisible();

  const title = `Bamboo after lesson 3 <img src=x onerror=alert(1)> #${Date.now()}`;
  const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 30, g: 90, b: 60 } } }).png().toBuffer();
  await form.getByLabel("Image").setInputFiles({ name: "bamboo.png", mimeType: "image/png", buffer: png });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("The story behind it").fill("Three evenings of practice.");
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(form.getByRole("status")).toHaveText("Published. Thank you for sharing!");

  const work = gallery.getByRole("list", { name: "Community works" }).getByRole("listitem").filter({ hasText: title });
  await expect(work.getByText(title, { exact: true })).toBeVisible();
  const img = work.getByRole("img", { name: title });
  await expect(img).toHaveJSProperty("complete", true);
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(900);
  const src = await img.getAttribute("src");
  const served = await page.request.get(src!);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(dialogs).toEqual([]);
});
