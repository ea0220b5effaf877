import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type Key = "forgotTitle" | "resetTitle" | "verifyTitle" | "confirmEmailTitle";

/** Titles of the pages mailed links open: in the `auth` catalogue, and kept out of search engines. */
export function authPageMetadata(key: Key): () => Promise<Metadata> {
  return async () => ({
    title: (await getTranslations("auth"))(key),
    robots: { index: false },
    referrer: "no-referrer",
  });
}
