import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { ProductCard } from "@/components/catalog/product-card";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getItemNeighbours } from "@/lib/reco/read";
import { StripTracker } from "./strip-tracker";

/**
 * A product page strip: "Similar" (same kind), or the cross-domain one ("Artworks for this course's
 * learners" on a course, "Courses for collectors of this" on an artwork). Spans the page grid's columns.
 * Stored neighbour lists, or tag overlap before the first refresh: never empty while the catalogue has
 * other products of the kind.
 */
export async function ItemStrip({
  productId,
  kind,
  relation,
}: {
  productId: string;
  kind: "course" | "artwork";
  relation: "similar" | "cross";
}) {
  const [items, t] = await Promise.all([
    getItemNeighbours(await getDb(), { productId, relation, limit: 4, locale: await pageLocale() }),
    getTranslations("reco.strips"),
  ]);
  if (items.length === 0) return null;
  const title =
    relation === "similar"
      ? t(kind === "course" ? "similarCourses" : "similarArtworks")
      : t(kind === "course" ? "artForLearners" : "coursesForCollectors");
  const headingId = `strip-${relation}`;
  return (
    <section aria-labelledby={headingId} className="mt-12 lg:col-span-2">
      <h2 id={headingId} className="mb-4 font-serif text-2xl">
        {title}
      </h2>
      <StripTracker slot={relation} items={items.map((i) => ({ productId: i.id, source: i.source, rank: i.rank }))}>
        <ul className="grid grid-cols-2 gap-6 md:grid-cols-4">
          {items.map((item) => (
            <li key={item.id} data-reco-product={item.id}>
              <ProductCard product={item} />
            </li>
          ))}
        </ul>
      </StripTracker>
    </section>
  );
}
