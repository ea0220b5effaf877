import { expect, test } from "@playwright/test";

test("follow a creator and see their works in the feed; unfollow empties it", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Flo Follower");
  await page.getByLabel("Email").fill(`follower-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("following-along-7");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/feed");
  await expect(page.getByText("Follow creators and people to see their new courses")).toBeVisible();

  await page.goto("/creators/west-lake-gallery");
  const follow = page.getByRole("button", { name: "Follow", exact: true });
  await follow.click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("link", { name: "Feed" }).click();
  await expect(page).toHaveURL(/\/feed$/);
  const feed = page.getByRole("list", { name: "Your feed" });
  await expect(feed.getByText("New from West Lake Gallery").first()).toBeVisible();
  expect(await feed.getByRole("listitem").count()).toBeGreaterThan(0);

  await page.goto("/creators/west-lake-gallery");
  await page.getByRole("button", { name: "Following" }).click();
  await expect(page.getByRole("button", { name: "Follow", exact: true })).toBeVisible();
  await page.goto("/feed");
  await expect(page.getByText("Follow creators and people to see their new courses")).toBeVisible();
});
