import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/**
 * The public pages are shared by everyone who opens them, and the pages they are made of may be cached
 * once for everyone: what is personal (the header's account and cart, what you own, your offers) must
 * reach only its owner. Two people and a guest open the same pages in turn, each in a browser of their
 * own, and no one sees another's name, address or cart.
 */
const PUBLIC_PAGES = [
  "/",
  "/courses",
  "/artworks",
  "/courses/misty-mountains-in-ink",
  "/artworks/atlantic-composition-no-7-ji-woo",
  "/creators/west-lake-gallery",
  "/bundles/ink-and-paper-bundle",
  "/c/ink-and-paper",
  "/community",
  "/search?q=ink",
  "/zh/courses",
  "/zh/courses/misty-mountains-in-ink",
];

type Person = { page: Page; name?: string; email?: string; cart: number };

async function guestPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("two people and a guest each see only their own account and cart on the public pages", async ({
  browser,
  users,
}) => {
  test.slow();
  const stamp = Date.now().toString(36);
  const adaName = `Ada Private ${stamp}`;
  const boName = `Bo Private ${stamp}`;
  const ada = await users.signUp({ name: adaName, label: "leak-ada" });
  const bo = await users.signUp({ name: boName, label: "leak-bo" });

  // Ada has something in her cart; Bo's is empty.
  await ada.page.goto("/courses/misty-mountains-in-ink");
  await ada.page.getByTestId("purchase-panel").getByRole("button", { name: "Add to cart" }).click();
  await expect(ada.page.getByText("Added to your cart.")).toBeVisible();

  const people: Person[] = [
    { page: ada.page, name: adaName, email: ada.email, cart: 1 },
    { page: bo.page, name: boName, email: bo.email, cart: 0 },
    { page: await guestPage(browser), cart: 0 },
  ];
  const secrets = [adaName, ada.email, boName, bo.email];

  for (const path of PUBLIC_PAGES) {
    // Each page in turn by Ada, Bo and the guest, then again in the other order: a page cached from one
    // visit would be served to the next person.
    for (const person of [...people, ...[...people].reverse()]) {
      await person.page.goto(path);
      const html = await person.page.content();
      const others = secrets.filter((s) => s !== person.name && s !== person.email);
      for (const secret of others) expect(html, `${path} as ${person.name ?? "guest"}`).not.toContain(secret);
      const header = person.page.getByRole("banner");
      if (person.name) {
        await expect(header.getByText(person.name, { exact: true }), path).toBeVisible();
      } else {
        await expect(header.getByRole("link", { name: /^(Sign in|登录)$/ }), path).toBeVisible();
      }
      const cartLabel = path.startsWith("/zh") ? `购物车（${person.cart}）` : `Cart (${person.cart})`;
      await expect(header.getByText(cartLabel, { exact: true }), `${path} cart`).toBeVisible();
    }
  }
});
