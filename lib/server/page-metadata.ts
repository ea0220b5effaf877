/**
 * `generateMetadata` helpers for pages: Next's Metadata, with titles from next-intl's translations for
 * this request's language.
 */
import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type en from "@/messages/en.json";

/** A page title in the `meta.pages` catalogue. */
export type PageTitleKey = keyof (typeof en)["meta"]["pages"];

/**
 * `generateMetadata` for a page whose title is a fixed phrase: translated into the visitor's
 * language (a static `metadata` export could only be English). `index: false` keeps private pages
 * (cart, account, studio) out of search engines.
 */
export function pageMetadata(key: PageTitleKey, { index = true }: { index?: boolean } = {}): () => Promise<Metadata> {
  return async () => {
    const t = await getTranslations("meta.pages");
    return index ? { title: t(key) } : { title: t(key), robots: { index: false } };
  };
}

type AuthTitleKey = "forgotTitle" | "resetTitle" | "verifyTitle" | "confirmEmailTitle";

/** Titles of the pages mailed links open: in the `auth` catalogue, and kept out of search engines. */
export function authPageMetadata(key: AuthTitleKey): () => Promise<Metadata> {
  return async () => ({
    title: (await getTranslations("auth"))(key),
    robots: { index: false },
    referrer: "no-referrer",
  });
}
