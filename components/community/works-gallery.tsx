import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import type { WorkView } from "@/lib/community/works";
import { ReportButton } from "./report-button";
import { WorkForm } from "./work-form";

/** Community works inspired by a product (or by a creator's products); titles and stories are plain text. */
export async function WorksGallery({ works, productId, returnTo }: { works: WorkView[]; productId?: string; returnTo: string }) {
  const [t, user] = await Promise.all([getTranslations("works"), getCurrentUser()]);
  if (works.length === 0 && !productId) return null;
  return (
    <section aria-labelledby="works-heading" className="mt-10">
      <h2 id="works-heading" className="font-serif text-2xl">
        {t("title")}
      </h2>
      {works.length === 0 ? (
        <p className="text-sm text-muted">{t("none")}</p>
      ) : (
        <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-3" aria-label={t("title")}>
          {works.map((w) => (
            <li key={w.id} className="rounded-lg border border-line bg-white p-2">
              <figure>
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={w.imageUrl} alt={w.title} width={w.width} height={w.height} loading="lazy" className="h-auto w-full rounded" />
                <figcaption className="mt-2 text-sm">
                  <span className="font-medium">{w.title}</span> <span className="text-muted">· {w.author}</span>
                  {w.story && <p className="mt-1 line-clamp-3 text-xs text-muted">{w.story}</p>}
                  {user && user.id !== w.authorId && <ReportButton targetKind="work" targetId={w.id} />}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
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
