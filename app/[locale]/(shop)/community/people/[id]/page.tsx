import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { FollowButton } from "@/components/community/follow-button";
import { WorksGallery } from "@/components/community/works-gallery";
import { getDb } from "@/db/client";
import { getFollowState } from "@/lib/community/follows";
import { getPublicPerson, listWorksByUser } from "@/lib/community/works";
import { getCurrentUser } from "@/lib/server/session";

type Props = { params: Promise<{ id: string }> };

/** The person's name as the title (user-chosen text: React escapes it in <title>); kept out of search engines. */
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const person = id.length <= 128 ? await getPublicPerson(await getDb(), id) : null;
  return { ...(person ? { title: person.name } : {}), robots: { index: false } };
}

/** A person in the community: their shared works and a follow button. Nothing private is shown. */
export default async function PersonPage({ params }: Props) {
  const { id } = await params;
  const db = await getDb();
  const person = id.length <= 128 ? await getPublicPerson(db, id) : null;
  if (!person) notFound();
  const [t, user, works] = await Promise.all([
    getTranslations("works"),
    getCurrentUser(),
    listWorksByUser(db, person.id),
  ]);
  const follow = await getFollowState(db, user?.id ?? null, { targetKind: "user", targetId: person.id });
  return (
    <div>
      <h1 className="font-serif text-4xl">{person.name}</h1>
      <div className="mt-3">
        {user && user.id !== person.id ? (
          <FollowButton
            targetKind="user"
            targetId={person.id}
            following={follow.following}
            followers={follow.followers}
          />
        ) : !user ? (
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/community/people/${person.id}`)}`}
            className="text-sm underline"
          >
            {t("signInToFollow")}
          </Link>
        ) : null}
      </div>
      {works.length === 0 ? (
        <p className="mt-8 text-muted">{t("personNone")}</p>
      ) : (
        <WorksGallery
          works={works}
          returnTo={`/community/people/${person.id}`}
          heading={t("personTitle", { name: person.name })}
        />
      )}
    </div>
  );
}
