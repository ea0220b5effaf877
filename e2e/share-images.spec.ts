import { expect, test } from "./fixtures";

/**
 * Issue 18, item 5: every product, course and creator page names an Open Graph image that a link
 * preview can fetch at once (no redirect), and procedural covers revalidate by ETag.
 */
test("product, course and creator pages have their own share image", async ({ page, request }) => {
  for (const path of [
    "/courses/ink-painting-first-strokes",
    "/artworks/evening-lotus-pond-gallery",
    "/creators/lin-mei",
    "/zh/creators/lin-mei",
  ]) {
    await page.goto(path);
    const image = await page.locator('head meta[property="og:image"]').first().getAttribute("content");
    expect(image, path).toBeTruthy();
    const res = await request.get(new URL(image!).pathname + new URL(image!).search, { maxRedirects: 0 });
    expect(res.status(), `${path}: ${image}`).toBe(200);
    expect(res.headers()["content-type"]).toBe("image/png");
    expect((await res.body()).subarray(1, 4).toString()).toBe("PNG");
  }
});

test("a cover the browser already holds comes back as a 304", async ({ request }) => {
  const first = await request.get("/img/course/ink-painting-first-strokes.svg");
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get("/img/course/ink-painting-first-strokes.svg", {
    headers: { "if-none-match": etag! },
  });
  expect(again.status()).toBe(304);
});
