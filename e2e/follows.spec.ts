import { expect, test } from "./fixtures";

test("follow a creator and see their works in the feed; unfollow empties it", async ({ page, users }) => {
  await users.signUp({ page, name: "Flo Follower", label: "follower" });

  await page.goto("/feed");
  await expect(page.getByText("Follow creators and people to see their new courses")).toBeVisible();

  await page.goto("/creators/west-lake-gallery");
  const follow = page.getByRole("button", { name: "Follow", exact: true });
  await follow.click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  // The button shows the new state at once (optimistic); the server may still be saving it.
  const feed = page.getByRole("list", { name: "Your feed" });
  await expect(async () => {
    await page.getByRole("link", { name: "Feed" }).click();
    await expect(page).toHaveURL(/\/feed$/);
    await expect(feed.getByText("New from West Lake Gallery").first()).toBeVisible({ timeout: 1000 });
  }).toPass();
  expect(await feed.getByRole("listitem").count()).toBeGreaterThan(0);

  await page.goto("/creators/west-lake-gallery");
  await page.getByRole("button", { name: "Following" }).click();
  await expect(page.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
  await expect(async () => {
    await page.goto("/feed");
    await expect(page.getByText("Follow creators and people to see their new courses")).toBeVisible({ timeout: 1000 });
  }).toPass();
});

test("follow a reviewer from their review and see their reviews in the feed", async ({ page, users, signInPage }) => {
  const stamp = Date.now();
  const reviewer = `Ravi Reviewer ${stamp}`;
  await users.signUp({ page, name: reviewer, label: "ravi" });
  await page.goto("/artworks?sort=price_asc&page=3");
  await page.getByRole("list", { name: "Artworks" }).locator('a[href^="/artworks/"]').first().click();
  await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);
  const artworkPath = new URL(page.url()).pathname;
  const form = page.getByRole("form", { name: "Your review" });
  await form.getByLabel("5 stars").check();
  await form.getByLabel("What did you think? (optional)").fill(`Glowing in daylight ${stamp}`);
  await form.getByRole("button", { name: "Post review" }).click();
  await expect(form.getByRole("status")).toBeVisible();
  await signInPage.signOut();

  await users.signUp({ page, name: "Fern Fan", label: "fern" });
  await page.goto(artworkPath);
  await page.getByRole("button", { name: `Follow ${reviewer}` }).click();
  await expect(page.getByRole("button", { name: `Following ${reviewer}: unfollow` })).toBeVisible();
  await expect(async () => {
    await page.goto("/feed");
    await expect(page.getByText(`${reviewer} rated this 5/5`)).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(page.getByText(`Glowing in daylight ${stamp}`)).toBeVisible();
});
