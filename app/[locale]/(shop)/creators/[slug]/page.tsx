import { Link } from "@/i18n/navigation";
import { creatorAvatarPath } from "@/lib/catalog/types";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProductGrid } from "@/components/catalog/product-card";
import { FollowButton } from "@/components/community/follow-button";
import { WorksGallery } from "@/components/community/works-gallery";
import { LocalizedText } from "@/components/ui/localized-text";
import { getDb } from "@/db/client";
import { getCreatorBySlug } from "@/lib/catalog/products";
import { listProductsByCreator } from "@/lib/catalog/queries";
import { getFollowState } from "@/lib/community/follows";
import { listWorksForCreator } from "@/lib/community/works";
import { alternatesFor } from "@/lib/i18n/alternates";
import { pageLocale } from "@/lib/i18n/page-locale";
import { getCurrentUser } from "@/lib/server/session";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const creator = await getCreatorBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!creator) return {};
  return {
    title: creator.name,
    description: creator.bio,
    alternates: alternatesFor(`/creators/${creator.slug}`, await pageLocale()),
  };
}

export default async function CreatorPage({ params }: Props) {
  const creator = await getCreatorBySlug({ slug: (await params).slug, locale: await pageLocale() });
  if (!creator) notFound();
  const user = await getCurrentUser();
  const [works, t, follow, communityWorks] = await Promise.all([
    listProductsByCreator({ creatorId: creator.id, locale: await pageLocale() }),
    getTranslations("creator"),
    getDb().then((db) => getFollowState(db, user?.id ?? null, { targetKind: "creator", targetId: creator.id })),
    getDb().then((db) => listWorksForCreator(db, creator.id)),
  ]);
  const courses = works.filter((w) => w.kind === "course");
  const artworks = works.filter((w) => w.kind === "artwork");
  return (
    <div>
      <header className="flex items-center gap-5">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={creatorAvatarPath(creator.slug, await pageLocale())}
          alt=""
          width={96}
          height={96}
          className="h-24 w-24 rounded-full"
        />
        <div>
          <p className="text-sm tracking-wide text-muted uppercase">
            {t(`kind.${creator.kind}`)}
            {creator.location && (
              <>
                {" "}
                · <LocalizedText text={creator.location} fallback={creator.fallback.location} />
              </>
            )}
          </p>
          <h1 className="font-serif text-4xl">
            <LocalizedText text={creator.name} fallback={creator.fallback.name} />
          </h1>
          <div className="mt-2">
            {user ? (
              <FollowButton
                targetKind="creator"
                targetId={creator.id}
                following={follow.following}
                followers={follow.followers}
              />
            ) : (
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(`/creators/${creator.slug}`)}`}
                className="text-sm underline"
              >
                {t("signInToFollow")}
              </Link>
            )}
          </div>
        </div>
      </header>
      <p className="mt-4 max-w-2xl leading-relaxed">
        <LocalizedText text={creator.bio} fallback={creator.fallback.bio} />
      </p>
      {courses.length > 0 && (
        <section className="mt-10" aria-labelledby="creator-courses">
          <h2 id="creator-courses" className="mb-4 font-serif text-2xl">
            {t("courses", { count: courses.length })}
          </h2>
          <ProductGrid products={courses} label={t("courses", { count: courses.length })} />
        </section>
      )}
      {artworks.length > 0 && (
        <section className="mt-10" aria-labelledby="creator-artworks">
          <h2 id="creator-artworks" className="mb-4 font-serif text-2xl">
            {t("artworks", { count: artworks.length })}
          </h2>
          <ProductGrid products={artworks} label={t("artworks", { count: artworks.length })} />
        </section>
      )}
      <WorksGallery works={communityWorks} returnTo={`/creators/${creator.slug}`} />
    </div>
  );
}
