import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The home page's "For you" strip (components/reco/reco-strip.tsx): its cards, their reason lines, the
 * "Not interested" buttons, and the basis line the strip shows when the list is not personal.
 */
export class ForYouStrip {
  /** The strip once hydrated (data-ready), so its buttons work. */
  readonly section: Locator;
  readonly cards: Locator;
  /** "Popular right now" / "Popular with people like you" beside the heading: the list is not the user's own. */
  readonly basis: Locator;

  constructor(readonly page: Page) {
    this.section = page.locator("section[aria-labelledby=reco-for_you][data-ready=true]");
    this.cards = this.section.locator("li");
    this.basis = this.section.locator("h2 + p");
  }

  async goto() {
    await this.page.goto("/");
    await expect(this.section).toBeVisible();
  }

  /** The titles shown, in order. */
  titles(): Promise<string[]> {
    return this.section.locator("li h3").allInnerTexts();
  }

  /** The card of the first item of `kind` ("Course" or "Artwork", as the card labels it). */
  firstOfKind(kind: "Course" | "Artwork"): Locator {
    return this.cards.filter({ has: this.page.getByText(kind, { exact: true }) }).first();
  }

  async dismiss(title: string) {
    await this.section.getByRole("button", { name: `Not interested in ${title}` }).click();
    await expect(this.section.locator("h3", { hasText: title })).toHaveCount(0);
  }
}
