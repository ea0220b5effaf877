import { getTranslations } from "next-intl/server";
import { ModerateButton } from "@/components/community/moderate-button";
import { getDb } from "@/db/client";
import { requireRole } from "@/lib/auth/session";
import { listModerationQueue } from "@/lib/community/moderation";

export const metadata = { title: "Moderation" };

/** Admins: reported comments and reviews, oldest first; hiding or restoring resolves the reports. */
export default async function ModerationPage() {
  await requireRole(["admin"], "/studio/moderation");
  const [t, queue] = await Promise.all([getTranslations("moderation"), getDb().then(listModerationQueue)]);
  return (
    <div>
      <h1 className="font-serif text-3xl">{t("title")}</h1>
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
              <p className="mt-2 whitespace-pre-line text-sm">{item.body}</p>
              <div className="mt-3 flex gap-2">
                <ModerateButton targetKind={item.targetKind} targetId={item.targetId} hide />
                <ModerateButton targetKind={item.targetKind} targetId={item.targetId} hide={false} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
