import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import type { RatingSummary } from "@/lib/community/reviews";
import { followedAmong } from "@/lib/community/follows";
import { listReviews } from "@/lib/community/reviews";
import { getCurrentUser } from "@/lib/server/session";
import { FollowButton } from "./follow-button";
import { ReportButton } from "./report-button";
import { ReviewForm } from "./review-form";
import { UserText } from "./user-text";

/** Average, count, the newest reviews (user text rendered as text, never as HTML) and the form. */
export async function ReviewsSection({
  productId,
  summary,
  returnTo,
}: {
  productId: string;
  summary: RatingSummary;
  returnTo: string;
}) {
  const [t, format, user, list] = await Promise.all([
    getTranslations("reviews"),
    getFormatter(),
    getCurrentUser(),
    getDb().then((db) => listReviews(db, productId)),
  ]);
  const mine = user ? list.find((r) => r.userId === user.id) : undefined;
  const followed = user
    ? await followedAmong(
        await getDb(),
        user.id,
        "user",
        list.map((r) => r.userId),
      )
    : new Set<string>();
  return (
    <section aria-labelledby="reviews-heading" className="mt-10">
      <h2 id="reviews-heading" className="font-serif text-2xl">
        {t("title")}
      </h2>
      <p className="text-sm text-muted">
        {summary.count > 0 ? t("summary", { average: summary.average ?? 0, count: summary.count }) : t("none")}
      </p>
      <ul className="mt-4 space-y-4">
        {list.map((r) => (
          <li key={r.userId} className="rounded-lg border border-line bg-white p-4">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span aria-label={t("stars", { n: r.rating })} className="text-accent">
                {"★".repeat(r.rating)}
                <span className="text-line">{"★".repeat(5 - r.rating)}</span>
              </span>
              <span className="font-medium">{r.author}</span>
              {r.verified && (
                <span className="rounded-full border border-moss px-2 py-0.5 text-xs text-moss">{t("verified")}</span>
              )}
              <time dateTime={r.createdAt.toISOString()} className="text-muted">
                {format.dateTime(r.createdAt, "date")}
              </time>
              {user && user.id !== r.userId && (
                <>
                  <FollowButton
                    targetKind="user"
                    targetId={r.userId}
                    following={followed.has(r.userId)}
                    compact
                    name={r.author}
                  />
                  <ReportButton targetKind="review" targetId={`${r.userId}:${productId}`} />
                </>
              )}
            </div>
            {r.body && (
              <p className="mt-2 text-sm leading-relaxed whitespace-pre-line">
                <UserText text={r.body} />
              </p>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-6">
        {user ? (
          <ReviewForm productId={productId} current={mine ? { rating: mine.rating, body: mine.body } : null} />
        ) : (
          <p className="text-sm">
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="underline">
              {t("signInToReview")}
            </Link>
          </p>
        )}
      </div>
    </section>
  );
}
