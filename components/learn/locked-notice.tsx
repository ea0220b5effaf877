"use client";

import { Link } from "@/i18n/navigation";
import { useSearchParams } from "next/navigation";
import { usePathname } from "@/i18n/navigation";
import { useTranslations } from "next-intl";

/** On a course page reached from a locked lesson (?locked=slug): why the reader landed here and what unlocks it. */
export function LockedNotice({ signedIn }: { signedIn: boolean }) {
  const t = useTranslations("learn");
  const locked = useSearchParams().get("locked");
  const pathname = usePathname();
  if (!locked) return null;
  const course = pathname.split("/")[2] ?? "";
  return (
    <div
      role="status"
      className="mb-3 rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm"
      data-testid="locked-notice"
    >
      <p>{t("lockedPrompt")}</p>
      {!signedIn && (
        <p className="mt-1">
          {t("alreadyBought")}{" "}
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/learn/${course}/${locked}`)}`}
            className="text-accent underline"
          >
            {t("signIn")}
          </Link>
        </p>
      )}
    </div>
  );
}
