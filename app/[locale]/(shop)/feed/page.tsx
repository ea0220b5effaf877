import { Link } from "@/i18n/navigation";
import { WorkImage } from "@/components/community/work-image";
import { getFormatter, getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { ProductCard } from "@/components/catalog/product-card";
import { getDb } from "@/db/client";
import { productPath } from "@/lib/catalog/types";
import { listFeed } from "@/lib/community/follows";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireUser } from "@/lib/server/session";

export const generateMetadata = pageMetadata("feed", { index: false });

export default async function FeedPage() {
  const user = await requireUser("/feed");
  const [t, format, items] = await Promise.all([
    getTranslations("feed"),
    getFormatter(),
    Promise.all([getDb(), pageLocale()]).then(([db, locale]) => listFeed(db, user.id, 30, locale)),
  ]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl">{t("title")}</h1>
      {items.length === 0 ? (
        <p className="mt-4 rounded border border-line bg-white p-6 text-muted">
          {t("empty")}{" "}
          <Link href="/artworks" className="underline">
            {t("browse")}
          </Link>
        </p>
      ) : (
        <ol className="mt-6 space-y-6" aria-label={t("title")}>
          {items.map((item) => (
            <li
              key={`${item.kind}-${item.kind === "product" ? "" : item.author.id}-${item.kind === "work" ? item.workId : item.product.id}`}
            >
              <p className="mb-2 text-sm text-muted">
                {item.kind === "product"
                  ? t("newWork", { creator: item.product.creator.name })
                  : item.kind === "review"
                    ? t("reviewed", { name: item.author.name, rating: item.rating })
                    : t("shared", { name: item.author.name, title: item.title })}{" "}
                · <time dateTime={item.at.toISOString()}>{format.dateTime(item.at, "date")}</time>
              </p>
              {item.kind === "review" && item.body && (
                <blockquote className="mb-2 border-l-2 border-line pl-3 text-sm">
                  <Link href={productPath(item.product)} className="hover:text-accent">
                    {item.body}
                  </Link>
                </blockquote>
              )}
              {item.kind === "work" && (
                <WorkImage
                  url={item.imageUrl}
                  width={item.width}
                  height={item.height}
                  alt={item.title}
                  sizes="(min-width: 24rem) 24rem, 100vw"
                  className="mb-2 h-auto max-w-sm rounded border border-line"
                />
              )}
              <div className="max-w-xs">
                <ProductCard product={item.product} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
