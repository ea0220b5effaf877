import { expect, test } from "./fixtures";

test("home shows courses and artworks side by side", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Learn the craft. Collect the art." })).toBeVisible();
  const courses = page.getByRole("region", { name: "New courses" }).getByRole("article");
  const artworks = page.getByRole("region", { name: "New artworks" }).getByRole("article");
  await expect(courses.first()).toBeVisible();
  await expect(artworks.first()).toBeVisible();
  expect(await courses.count()).toBeGreaterThan(1);
  expect(await artworks.count()).toBeGreaterThan(1);
});

test("search and filter artworks, with the filters kept in the URL", async ({ page }) => {
  await page.goto("/artworks");
  const status = page.getByRole("status");
  const total = Number((await status.textContent())?.match(/\d+/)?.[0]);
  expect(total).toBeGreaterThanOrEqual(80);

  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("Edition", { exact: true }).selectOption("unique");
  await filters.getByLabel("Sort by", { exact: true }).selectOption("price_asc");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/edition=unique/);
  await expect(page).toHaveURL(/sort=price_asc/);
  const filtered = Number((await status.textContent())?.match(/\d+/)?.[0]);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(total);

  // Prices on the page appear in ascending order.
  const prices = await page
    .getByRole("list", { name: "Artworks" })
    .locator("article")
    .evaluateAll((cards) =>
      cards.map((c) => Number(c.querySelector("[data-price]")?.getAttribute("data-price") ?? "NaN")),
    );
  expect(prices.length).toBeGreaterThan(1);
  expect(prices).toEqual([...prices].sort((a, b) => a - b));

  // Text search through the header reaches both kinds of product.
  await page.getByRole("searchbox", { name: "Search courses and artworks" }).fill("ink");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=ink/);
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("open a course: curriculum, instructor, free preview, price", async ({ page }) => {
  await page.goto("/courses");
  await page.getByRole("list", { name: "Courses" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/courses\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 2, name: "Curriculum" })).toBeVisible();
  await expect(page.getByText("Instructor")).toBeVisible();
  await expect(page.getByRole("link", { name: "Free preview" }).first()).toBeVisible();
  await expect(page.locator("[data-price]").first()).toHaveText(/\$\d/);
});

test("open an artwork: artist, medium, size, year, edition, provenance", async ({ page }) => {
  await page.goto("/artworks?edition=edition");
  await page.getByRole("list", { name: "Artworks" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/artworks\/[a-z0-9-]+$/);
  for (const term of ["Medium", "Dimensions", "Year", "Edition", "Provenance"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^${term}$`) })).toBeVisible();
  }
  await expect(page.getByRole("img").first()).toHaveAttribute("alt", /.+/);
});

test("unknown pages and products give a real 404", async ({ page }) => {
  for (const path of ["/no-such-page", "/courses/no-such-course", "/artworks/no-such-artwork", "/creators/nobody"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  }
});

test("bad query strings are corrected, not errors", async ({ page }) => {
  const response = await page.goto("/artworks?page=-3&min=abc&max=%00&sort=bogus&tag=%3Cscript%3E");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Artworks" })).toBeVisible();
  for (const path of ["/courses/%E0%A4%A", "/artworks/%ZZ"]) {
    expect((await page.request.get(path)).status(), path).toBe(400);
  }
});

test("switch language to Simplified Chinese and back", async ({ page }) => {
  await page.goto("/courses");
  const switcher = page.getByRole("form", { name: "Language" });
  await switcher.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // The same page, now at its Chinese address.
  await expect(page).toHaveURL(/\/zh\/courses$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("课程");
  // Links stay in the language: the header's go to /zh/… pages.
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "艺术品" })).toHaveAttribute(
    "href",
    "/zh/artworks",
  );
  // Page titles follow the language too, the fixed ones as well as the catalogue's.
  await page.goto("/cart");
  await expect(page).toHaveTitle("购物车 · Atelier");
  await page.goto("/sign-in");
  await expect(page).toHaveTitle("登录 · Atelier");
  await page.goto("/courses");
  await page.getByRole("form", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en-US");
  await expect(page).toHaveURL(/\/courses$/);
  expect(new URL(page.url()).pathname).toBe("/courses");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Courses");
  await page.goto("/cart");
  await expect(page).toHaveTitle("Cart · Atelier");
});
