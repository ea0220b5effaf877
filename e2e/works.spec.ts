import { expect, test } from "@playwright/test";
import sharp from "sharp";

test("a learner shares a work inspired by a course; it appears in the course's gallery, a fake image is refused", async ({ page }) => {
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

  await page.goto("/courses?sort=price_asc");
  await page.getByRole("list", { name: "Courses" }).locator('a[href^="/courses/"]').first().click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);

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
