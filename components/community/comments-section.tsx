import { Link } from "@/i18n/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listComments, type CommentView } from "@/lib/community/comments";
import { getCurrentUser } from "@/lib/server/session";
import { CommentForm } from "./comment-form";
import { ReportButton } from "./report-button";
import { UserText } from "./user-text";

/** Questions and answers under a product; user text is rendered as text, never as HTML. */
export async function CommentsSection({ productId, returnTo }: { productId: string; returnTo: string }) {
  const [t, format, user, list] = await Promise.all([
    getTranslations("comments"),
    getFormatter(),
    getCurrentUser(),
    getDb().then((db) => listComments(db, productId)),
  ]);
  const entry = (c: Omit<CommentView, "replies">) =>
    c.deleted ? (
      <p className="p-1 text-sm text-muted italic">{t("deleted")}</p>
    ) : (
      <div className={c.byCreator ? "rounded border-l-4 border-moss bg-moss/5 p-3" : "p-1"}>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="font-medium">{c.author}</span>
          {c.byCreator && (
            <span className="rounded-full bg-moss px-2 py-0.5 text-xs text-white">{t("creatorAnswer")}</span>
          )}
          <time dateTime={c.createdAt.toISOString()} className="text-muted">
            {format.dateTime(c.createdAt, "date")}
          </time>
          {user && user.id !== c.authorId && <ReportButton targetKind="comment" targetId={c.id} />}
        </div>
        <p className="mt-1 text-sm whitespace-pre-line">
          <UserText text={c.body} />
        </p>
      </div>
    );
  return (
    <section aria-labelledby="comments-heading" className="mt-10">
      <h2 id="comments-heading" className="font-serif text-2xl">
        {t("title")}
      </h2>
      {list.length === 0 && <p className="text-sm text-muted">{t("none")}</p>}
      <ul className="mt-4 space-y-4">
        {list.map((c) => (
          <li key={c.id} className="rounded-lg border border-line bg-white p-3">
            {entry(c)}
            {c.replies.length > 0 && (
              <ul className="mt-2 space-y-2 border-l border-line pl-4">
                {c.replies.map((r) => (
                  <li key={r.id}>{entry(r)}</li>
                ))}
              </ul>
            )}
            {user && (
              <details className="mt-2 pl-4">
                <summary className="cursor-pointer text-sm text-muted">{t("reply")}</summary>
                <div className="mt-2">
                  <CommentForm productId={productId} parentId={c.id} />
                </div>
              </details>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-4">
        {user ? (
          <CommentForm productId={productId} />
        ) : (
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="text-sm underline">
            {t("signInToComment")}
          </Link>
        )}
      </div>
    </section>
  );
}
