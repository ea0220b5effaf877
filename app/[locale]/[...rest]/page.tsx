import { notFound } from "next/navigation";

/** Any path no page claims, inside a language: the localized not-found page, in the shop's layout. */
export default function UnknownPage() {
  notFound();
}
