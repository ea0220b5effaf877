import { Link } from "@/i18n/navigation";
import { creatorAvatarPath } from "@/lib/catalog/types";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getTranslations } from "next-intl/server";
import { FollowButton } from "@/components/community/follow-button";
import { LocalizedText } from "@/components/ui/localized-text";
import { getDb } from "@/db/client";
import type { CreatorSummary } from "@/lib/catalog/products";
import { getFollowState } from "@/lib/community/follows";
import { getCurrentUser } from "@/lib/server/session";
import { placeName } from "./place-name";

/** The artist (or gallery) behind a piece: who they are, where they work, and a follow button. */
export async function ArtistCard({ creator, returnTo }: { creator: CreatorSummary; returnTo: string }) {
  const user = await getCurrentUser();
  const [t, tc, locale, follow] = await Promise.all([
    getTranslations("artwork"),
    getTranslations("creator"),
    pageLocale(),
    getDb().then((db) => getFollowState(db, user?.id ?? null, { targetKind: "creator", targetId: creator.id })),
  ]);
  const place = placeName(creator, locale);
  return (
    <section
      aria-labelledby="artist-heading"
      className="mt-6 rounded-lg border border-line bg-white p-5"
      data-testid="artist-card"
    >
      <div className="flex items-center gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={creatorAvatarPath(creator.slug, locale)}
          alt=""
          width={56}
          height={56}
          className="h-14 w-14 rounded-full"
        />
        <div className="min-w-0">
          <p className="text-xs tracking-wide text-muted uppercase">
            {tc(`kind.${creator.kind}`)}
            {place && <> · {place}</>}
          </p>
          <h2 id="artist-heading" className="font-serif text-xl">
            <Link href={`/creators/${creator.slug}`} className="hover:text-accent">
              <LocalizedText text={creator.name} fallback={creator.fallback.name} />
            </Link>
          </h2>
        </div>
      </div>
      {creator.bio && (
        <p className="mt-3 line-clamp-3 text-sm text-muted">
          <LocalizedText text={creator.bio} fallback={creator.fallback.bio} />
        </p>
      )}
      <div className="mt-3">
        {!user ? (
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className="text-sm underline">
            {t("signInToFollow", { name: creator.name })}
          </Link>
        ) : (
          <FollowButton
            targetKind="creator"
            targetId={creator.id}
            following={follow.following}
            followers={follow.followers}
            name={creator.name}
          />
        )}
      </div>
    </section>
  );
}
