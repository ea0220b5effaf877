import { SLUG } from "./input";

/** Cheap guard before a query: anything that is not a slug cannot name a campaign. */
export function isSlugLike(value: string): boolean {
  return value.length <= 60 && SLUG.test(value);
}
