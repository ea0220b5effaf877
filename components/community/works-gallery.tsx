import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { productPath } from "@/lib/catalog/types";
import type { WorkView } from "@/lib/community/works";
import { getCurrentUser } from "@/lib/server/session";
import { DeleteWorkButton } from "./delete-work-button";
import { ReportButton } from "./report-button";
import { WorkForm } from "./work-form";
import { UserText } from "./user-text";
import { WorkImage } from "./work-image";

/**
 * Community works inspired by a product (with the share form), by a creator's products, or by one
 * person (`showProduct` names what inspired each). Titles and stories are plain text.
 */
export async function WorksGallery({
  works,
  productId,
  returnTo,
  showProduct = !productId,
  heading,
}: {
  works: WorkView[];
  productId?: string;
  returnTo: string;
  showProduct?: boolean;
  heading?: string;
}) {
  const [t, user] = await Promise.all([getTranslations("works"), getCurrentUser()]);
  if (works.length === 0 && !productId) return null;
  return (
    <section aria-labelledby="works-heading" className="mt-10">
      <h2 id="works-heading" className="font-serif text-2xl">
        {heading ?? t("title")}
      </h2>
      {works.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3" aria-label={heading ?? t("title")}>
          {works.map((w) => (
            <li key={w.id} className="rounded-lg border border-line bg-white p-2">
              <figure>
                {/* Two columns on a phone, three from `sm`, in a page at most 80rem wide. */}
                <WorkImage
                  url={w.imageUrl}
                  width={w.width}
                  height={w.height}
                  alt={w.title}
                  sizes="(min-width: 80rem) 26rem, (min-width: 40rem) 33vw, 50vw"
                  className="h-auto w-full rounded"
                />
                <figcaption className="mt-2 text-sm">
                  <span className="font-medium">{w.title}</span>{" "}
                  <span className="text-muted">
                    ·{" "}
                    <Link href={`/community/people/${w.authorId}`} className="hover:text-accent">
                      {w.author}
                    </Link>
                  </span>
                  {showProduct && (
                    <span className="block text-xs text-muted">
                      {t("inspiredBy")}{" "}
                      <Link href={productPath(w.product)} className="underline hover:text-accent">
                        {w.product.title}
                      </Link>
                    </span>
                  )}
                  {w.story && (
                    <span className="mt-1 line-clamp-3 block text-xs text-muted">
                      <UserText text={w.story} />
                    </span>
                  )}
                  {w.tags.length > 0 && (
                    <span className="mt-1 block text-xs text-muted">{w.tags.map((tag) => `#${tag}`).join(" ")}</span>
                  )}
                  <div className="mt-1 flex gap-3">
                    {user && user.id !== w.authorId && <ReportButton targetKind="work" targetId={w.id} />}
                    {user && (user.id === w.authorId || user.role === "admin") && (
                      <DeleteWorkButton workId={w.id} title={w.title} />
                    )}
                  </div>
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      {productId && works.length > 0 && (
        <p className="mt-3 text-sm">
          <Link href="/community" className="underline hover:text-accent">
            {t("seeAll")}
          </Link>
        </p>
      )}
      {productId && (
        <details className="mt-4">
          <summary className="cursor-pointer text-sm underline">{t("share")}</summary>
          <div className="mt-3">
            {user ? (
              <WorkForm productId={productId} />
            ) : (
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="text-sm underline">
                {t("signInToShare")}
              </Link>
            )}
          </div>
        </details>
      )}
    </section>
  );
}
