import { expect, test } from "./fixtures";

/**
 * Issue 17: a Chinese visitor reads the catalogue in Chinese; text nobody wrote in Chinese is shown in
 * English with lang="en" and an "英文" badge. Chinese pages live under /zh/.
 */

test("a course page in Chinese: title, curriculum and a Chinese cover", async ({ page }) => {
  await page.goto("/zh/courses/ink-painting-first-strokes");
  await expect(page.getByRole("heading", { level: 1, name: "水墨画入门：第一笔" })).toBeVisible();
  await expect(page.getByText("欢迎：你将完成什么")).toBeVisible();
  await expect(page.getByText("林梅").first()).toBeVisible();
  const cover = page.locator('img[src*="/img/course/ink-painting-first-strokes.svg"]').first();
  await expect(cover).toHaveAttribute("src", /lang=zh/);
});

test("a Western instructor's name stays English, marked as such", async ({ page }) => {
  await page.goto("/zh/courses/reading-renaissance-workshops");
  await expect(page.getByRole("heading", { level: 1, name: "走进文艺复兴画坊" })).toBeVisible();
  const name = page.locator('[lang="en"]', { hasText: "Sofia Marchetti" }).first();
  await expect(name).toBeVisible();
  await expect(name).toContainText("英文");
});

test("a preview lesson reads in Chinese", async ({ page }) => {
  await page.goto("/zh/learn/ink-painting-first-strokes/1-welcome-and-what-you-will-make");
  await expect(page.getByRole("heading", { level: 1, name: "欢迎：你将完成什么" })).toBeVisible();
  await expect(page.getByText("本课你将学到")).toBeVisible();
});
