import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import type { ClusterProfile } from "@/lib/reco/refresh/clusters";

const pct = (v: number) => `${Math.round(v * 100)}%`;

type Props = {
  index: number;
  size: number;
  profile: ClusterProfile;
  locale: string;
  money: (amount: number, currency: string) => string;
  tagNames: Record<string, { name: string; nameZh: string }>;
};

/**
 * One segment as a marketer reads it: its name, how many people, what sets them apart, what they take and
 * look at, how much they spend. The modelling detail (lift, topic-model themes) sits in a disclosure.
 */
export async function SegmentCard({ index, size, profile, locale, money, tagNames }: Props) {
  const t = await getTranslations("clusters");
  const zh = locale === "zh";
  const tagName = (tag: { name: string; nameZh: string }) => (zh ? tag.nameZh : tag.name);
  const slugName = (slug: string) => (tagNames[slug] ? tagName(tagNames[slug]) : slug);
  const courses = profile.topItems.filter((i) => i.kind === "course");
  const artworks = profile.topItems.filter((i) => i.kind !== "course");
  const items = (list: ClusterProfile["topItems"]) => (
    <ul className="space-y-1">
      {list.map((item) => (
        <li key={item.id}>
          <Link href={`/${item.kind === "course" ? "courses" : "artworks"}/${item.slug}`} className="hover:text-accent">
            {item.title}
          </Link>{" "}
          <span className="text-muted">{t("members", { count: item.members })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <li className="rounded-lg border border-line bg-white p-5" data-segment={profile.segment.key}>
      <h2 className="font-serif text-xl">
        <span className="text-muted">#{index + 1} </span>
        {zh ? profile.segment.name.zh : profile.segment.name.en}
      </h2>
      <p className="text-sm text-muted">{t("size", { count: size, share: pct(profile.share) })}</p>
      <dl className="mt-4 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-2 text-sm">
        <dt className="text-muted">{t("tags")}</dt>
        <dd>{profile.tags.length > 0 ? profile.tags.map(tagName).join(" · ") : t("noTags")}</dd>
        <dt className="text-muted">{t("domain")}</dt>
        <dd>{t("domainMix", { courses: pct(profile.domainMix.course), artworks: pct(profile.domainMix.artwork) })}</dd>
        <dt className="text-muted">{t("spend")}</dt>
        <dd>
          {t("spendLine", {
            amount: money(profile.spend.avgMinor, profile.spend.currency),
            buyers: pct(profile.spend.buyersShare),
            purchases: profile.spend.purchasesPerMember.toFixed(1),
          })}
        </dd>
        {courses.length > 0 && (
          <>
            <dt className="text-muted">{t("topCourses")}</dt>
            <dd>{items(courses)}</dd>
          </>
        )}
        {artworks.length > 0 && (
          <>
            <dt className="text-muted">{t("topArtworks")}</dt>
            <dd>{items(artworks)}</dd>
          </>
        )}
      </dl>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-muted">{t("cardDetails")}</summary>
        <dl className="mt-2 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-2">
          <dt className="text-muted">{t("liftTitle")}</dt>
          <dd>
            {profile.tags.map((tag) => (
              <span key={tag.slug} className="mr-2 inline-block">
                {tagName(tag)} {t("lift", { lift: tag.lift.toFixed(1) })}
              </span>
            ))}
          </dd>
          {profile.topics.length > 0 && (
            <>
              <dt className="text-muted">{t("topics")}</dt>
              <dd>
                {profile.topics
                  .map(
                    (z) =>
                      `${z.tags
                        .slice(0, 3)
                        .map(slugName)
                        .join(zh ? "、" : ", ")} (${pct(z.weight)})`,
                  )
                  .join(" · ")}
              </dd>
            </>
          )}
          <dt className="text-muted">{t("segmentKey")}</dt>
          <dd>
            <code>{profile.segment.key}</code>
          </dd>
        </dl>
      </details>
    </li>
  );
}
