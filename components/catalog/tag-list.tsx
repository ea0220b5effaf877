import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { ProductTag } from "@/lib/catalog/products";

export async function TagList({ tags, locale, base }: { tags: ProductTag[]; locale: string; base: string }) {
  const t = await getTranslations("catalogue");
  return (
    <ul className="mt-4 flex flex-wrap gap-2" aria-label={t("tags")}>
      {tags.map((tag) => (
        <li key={tag.slug}>
          <Link
            href={`${base}?tag=${tag.slug}`}
            className="rounded-full border border-line bg-white px-3 py-1 text-sm hover:border-accent"
          >
            {locale === "zh" ? tag.nameZh : tag.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
