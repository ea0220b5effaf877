import { expect, test } from "./fixtures";

const PAYLOAD = `Lovely wash <script>window.__xss=1</script><img src=x onerror="window.__xss=2"> [link](javascript:alert(3))`;

test("a review is posted, counted in the rating and JSON-LD, and markup in it stays inert text", async ({
  page,
  users,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await users.signUp({ page, name: "Rita Reviewer", label: "reviewer" });

  // A product from the middle of the catalogue, so other journeys' reviews do not interfere.
  await page.goto("/artworks?sort=price_desc&page=2");
  await page.getByRole("list", { name: "Artworks" }).locator('a[href^="/artworks/"]').nth(2).click();
  await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);

  const form = page.getByRole("form", { name: "Your review" });
  await form.getByRole("button", { name: "Post review" }).click();
  await expect(form.getByText("Choose a rating from one to five stars.")).toBeVisible();

  await form.getByLabel("4 stars").check();
  await form.getByLabel("What did you think? (optional)").fill(PAYLOAD);
  await form.getByRole("button", { name: /Post review|Update your review/ }).click();
  await expect(form.getByRole("status")).toHaveText("Thank you: your review is posted.");

  const reviews = page.getByRole("region", { name: "Reviews" });
  const mine = reviews.getByRole("listitem").filter({ hasText: "Rita Reviewer" });
  await expect(mine.getByText(PAYLOAD, { exact: true })).toBeVisible();
  await expect(mine.getByText("Verified purchase")).toHaveCount(0);
  await expect(reviews.getByText(/out of 5 from \d+ review/)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(reviews.locator("img[src=x]")).toHaveCount(0);

  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent()) ?? "{}");
  expect(ld.aggregateRating.reviewCount).toBeGreaterThanOrEqual(1);
  expect(ld.aggregateRating.ratingValue).toBeGreaterThan(0);
});
