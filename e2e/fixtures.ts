import { randomBytes } from "node:crypto";
import { test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../i18n/locales";
import { CheckoutPage } from "./pages/checkout-page";
import { PrivacyPage } from "./pages/privacy-page";
import { SignInPage } from "./pages/sign-in-page";
import { SignUpPage } from "./pages/sign-up-page";

export { expect } from "@playwright/test";

/** The seeded demo accounts (README), shared by every spec: signed in to, never changed for good or removed. */
export const DEMO = {
  consumer: "consumer@atelier.test",
  /** Owns the instructor profile of Lin Mei. */
  creator: "creator@atelier.test",
  /** Owns West Lake Gallery's profile. */
  gallery: "gallery@atelier.test",
  marketer: "marketer@atelier.test",
  admin: "admin@atelier.test",
} as const;
export const DEMO_PASSWORD = "atelier-demo-2026";

/** An account a test made through the app; the `users` fixture deletes it after the test. */
export type TestUser = {
  name: string;
  email: string;
  /** Update it when the test changes the password, so the account can still be removed afterwards. */
  password: string;
  /** The page it was signed up in. */
  page: Page;
  /** Set when the test deleted the account itself: nothing is left to remove. */
  deleted: boolean;
};

export type SignUpOptions = {
  /** The display name (default: a name of the fixture's own). */
  name?: string;
  /** Start of the generated email address, to tell the accounts apart in the server's logs. */
  label?: string;
  password?: string;
  /** The page to sign up in (default: a page in a browser context of its own). */
  page?: Page;
  /** Where the form should lead (default: the account page). */
  callbackUrl?: string;
};

export type Users = {
  /** A new consumer account, made through the sign-up form and left signed in where the form leads. */
  signUp(options?: SignUpOptions): Promise<TestUser>;
  /** An account the test made itself (it tests the sign-up form): removed afterwards like the others. */
  track(credentials: { name: string; email: string; password: string; page: Page }): TestUser;
  /**
   * A second session of `user`, kept for removing the account afterwards: for tests that sign it out and
   * then lock it (too many wrong passwords), which would otherwise leave nothing to delete it with.
   */
  keepSession(user: TestUser): Promise<void>;
};

/** An address no other run, worker or retry uses. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${randomBytes(3).toString("hex")}@example.com`;
}

export const DEFAULT_PASSWORD = "paint-every-day-26";

type Fixtures = {
  /** Accounts made for this test, deleted after it through the privacy page's deletion flow. */
  users: Users;
  /** A fresh consumer, signed up in `page` (which is left on the account page, signed in). */
  consumer: TestUser;
  signUpPage: SignUpPage;
  signInPage: SignInPage;
  checkoutPage: CheckoutPage;
};

/**
 * Whether `page` is signed in as `email`: its context's session, read through Auth.js's session route
 * (which checks the device's session row, so a signed-out or revoked session reads as none).
 */
async function signedInAs(page: Page, email: string): Promise<boolean> {
  if (page.isClosed()) return false;
  try {
    const response = await page.request.get("/api/auth/session");
    const session = (await response.json()) as { user?: { email?: string } } | null;
    return session?.user?.email === email;
  } catch {
    // The context was closed by the test.
    return false;
  }
}

/**
 * Deletes the account through the app, as its owner would: the server's embedded database belongs to
 * the server process, so a spec cannot reach it directly. A page still signed in as the user is used
 * as it is; otherwise the user signs in afresh in a context of the fixture's own.
 */
async function removeUser(browser: Browser, user: TestUser, spare: Page | undefined): Promise<void> {
  let page: Page | undefined;
  let context: BrowserContext | undefined;
  for (const candidate of [spare, user.page]) {
    if (candidate && (await signedInAs(candidate, user.email))) {
      page = candidate;
      break;
    }
  }
  if (!page) {
    context = await browser.newContext();
    page = await context.newPage();
    await new SignInPage(page).signIn(user.email, { password: user.password, callbackUrl: "/account/privacy" });
  }
  // A test that opened a /zh/ page left the language cookie at 中文, which sends /account/privacy to
  // /zh/account/privacy; the account is removed through the English page.
  await page.context().clearCookies({ name: LOCALE_COOKIE });
  const privacy = new PrivacyPage(page);
  await privacy.goto();
  await privacy.deleteAccount(user.email);
  await context?.close();
}

// The fixtures' second parameter is Playwright's `use`, named `provide` here: React's lint rules take any
// call of a function named `use` for a hook.
export const test = base.extend<Fixtures>({
  // On `page` too, so the test's page outlives this fixture's teardown, which may use it. A time limit of
  // its own: removing the accounts does not eat into the test's.
  users: [
    async ({ browser, page: _page }, provide) => {
      const made: TestUser[] = [];
      const contexts: BrowserContext[] = [];
      const spares = new Map<TestUser, Page>();
      const newPage = async () => {
        const context = await browser.newContext();
        contexts.push(context);
        return context.newPage();
      };
      const track: Users["track"] = ({ name, email, password, page }) => {
        const user: TestUser = { name, email, password, page, deleted: false };
        made.push(user);
        return user;
      };
      await provide({
        async signUp({ name, label, password = DEFAULT_PASSWORD, page, callbackUrl } = {}) {
          const credentials = {
            name: name ?? "Tess Tester",
            email: uniqueEmail(label ?? "user"),
            password,
          };
          const on = page ?? (await newPage());
          await new SignUpPage(on).signUp(credentials, { callbackUrl });
          return track({ ...credentials, page: on });
        },
        track,
        async keepSession(user) {
          const spare = await newPage();
          await new SignInPage(spare).signIn(user.email, { password: user.password });
          spares.set(user, spare);
        },
      });
      // Newest first: a later account may refer to an earlier one (a follow, a reply), never the reverse.
      // Every account is tried even when one fails; the test then fails with what was left behind.
      const failures: string[] = [];
      for (const user of made.reverse()) {
        if (user.deleted) continue;
        await removeUser(browser, user, spares.get(user)).catch((error: unknown) =>
          failures.push(`${user.email}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      for (const context of contexts) await context.close();
      if (failures.length) throw new Error(`accounts left behind:\n${failures.join("\n")}`);
    },
    { timeout: 60_000 },
  ],

  consumer: async ({ users, page }, provide) => {
    await provide(await users.signUp({ page, name: "Casey Consumer", label: "consumer" }));
  },

  signUpPage: async ({ page }, provide) => provide(new SignUpPage(page)),
  signInPage: async ({ page }, provide) => provide(new SignInPage(page)),
  checkoutPage: async ({ page }, provide) => provide(new CheckoutPage(page)),
});
