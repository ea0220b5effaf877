import { getFormatter, getTranslations } from "next-intl/server";
import { IMAGE_WIDTHS } from "@/lib/uploads/widths";
import { ModerateButton } from "@/components/community/moderate-button";
import { getDb } from "@/db/client";
import { listHiddenContent, listModerationQueue } from "@/lib/community/moderation";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("moderation", { index: false });

/** A reported work's image, small; admins may see hidden images (the upload route allows them). */
function Thumb({ src, alt }: { src?: string; alt: string }) {
  if (!src) return null;
  return (
    // A small thumbnail from our own upload route (its smallest copy for a work's image); next/image
    // would add an optimizer round trip for nothing.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src.startsWith("/uploads/") ? `${src}?w=${IMAGE_WIDTHS[0]}` : src}
      alt={alt}
      width={160}
      height={120}
      className="mt-2 h-28 w-auto rounded border border-line object-contain"
    />
  );
}

/**
 * Admins: reported comments, reviews and works, oldest first (hiding or restoring resolves the
 * reports), then what was hidden lately, so a mistaken hide can be undone. All user text as text.
 */
export default async function ModerationPage() {
  await requireRole(["admin"], "/studio/moderation");
  const db = await getDb();
  const [t, format, queue, hidden] = await Promise.all([
    getTranslations("moderation"),
    getFormatter(),
    listModerationQueue(db),
    listHiddenContent(db),
  ]);
  return (
    <div className="space-y-10">
      <section aria-labelledby="moderation-queue">
        <h1 id="moderation-queue" className="font-serif text-3xl">
          {t("title")}
        </h1>
        {queue.length === 0 ? (
          <p className="mt-4 text-muted">{t("empty")}</p>
        ) : (
          <ul className="mt-6 space-y-4" aria-label={t("title")}>
            {queue.map((item) => (
              <li key={`${item.targetKind}:${item.targetId}`} className="rounded-lg border border-line bg-white p-4">
                <p className="text-sm text-muted">
                  {t(`kind.${item.targetKind}`)} · {t("reports", { count: item.reports })}
                  {item.reasons.length > 0 && <> · {item.reasons.join(", ")}</>}
                  {item.hidden && <> · {t("hidden")}</>}
                </p>
                <p className="mt-2 text-sm whitespace-pre-line">{item.body}</p>
                <Thumb src={item.imageUrl} alt={item.body.split("\n")[0] ?? ""} />
                <div className="mt-3 flex gap-2">
                  <ModerateButton targetKind={item.targetKind} targetId={item.targetId} hide />
                  <ModerateButton targetKind={item.targetKind} targetId={item.targetId} hide={false} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="moderation-hidden">
        <h2 id="moderation-hidden" className="font-serif text-2xl">
          {t("recentlyHidden")}
        </h2>
        {hidden.length === 0 ? (
          <p className="mt-2 text-muted">{t("nothingHidden")}</p>
        ) : (
          <ul className="mt-4 space-y-3" aria-label={t("recentlyHidden")}>
            {hidden.map((item) => (
              <li key={`${item.targetKind}:${item.targetId}`} className="rounded-lg border border-line bg-white p-3">
                <p className="text-sm text-muted">
                  {t(`kind.${item.targetKind}`)} ·{" "}
                  <time dateTime={item.hiddenAt.toISOString()}>{format.dateTime(item.hiddenAt, "dateTime")}</time>
                </p>
                <p className="mt-1 line-clamp-3 text-sm whitespace-pre-line">{item.body}</p>
                <Thumb src={item.imageUrl} alt={item.body} />
                <div className="mt-2">
                  <ModerateButton targetKind={item.targetKind} targetId={item.targetId} hide={false} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
