import type { Db } from "@/db/client";
import * as s from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { buildArtworks } from "./artworks";
import { seedCampaigns } from "./campaigns";
import { COURSES, SECTION_THEMES } from "./courses";
import { COURSES_ZH, courseDescriptionZh, SECTION_THEMES_ZH } from "./courses-zh";
import { seedDemoExperiments } from "./experiment-demo";
import { CREATORS } from "./creators";
import { CREATORS_ZH } from "./creators-zh";
import { demoShippingRates } from "./shipping";
import { seedId } from "./ids";
import { lessonBody, lessonBodyZh } from "./lesson-body";
import { TOPICS } from "./topics";

export const DEMO_PASSWORD = "atelier-demo-2026";
export const DEMO_ACCOUNTS = [
  { email: "consumer@atelier.test", name: "Ada Collector", role: "consumer" as const, creator: null },
  { email: "creator@atelier.test", name: "Lin Mei", role: "creator" as const, creator: "lin-mei" },
  { email: "gallery@atelier.test", name: "West Lake Gallery", role: "creator" as const, creator: "west-lake-gallery" },
  { email: "marketer@atelier.test", name: "Max Marketer", role: "marketer" as const, creator: null },
  { email: "admin@atelier.test", name: "Avery Admin", role: "admin" as const, creator: null },
];

export type SeedCounts = {
  creators: number;
  courses: number;
  lessons: number;
  artworks: number;
  tags: number;
  users: number;
};

/**
 * Writes the demo catalogue in one transaction. Ids are derived from slugs and every insert skips rows
 * that exist, so running it again changes nothing.
 */
export async function seedCatalogue(db: Db): Promise<SeedCounts> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const artworks = buildArtworks();
  let lessonCount = 0;

  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    for (const account of DEMO_ACCOUNTS) {
      const id = seedId("user", account.email);
      userIds.set(account.creator ?? account.email, id);
      await tx
        .insert(s.users)
        // Demo accounts are verified (they publish and launch in the walkthrough) and write mail in English.
        .values({
          id,
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash,
          emailVerified: new Date("2026-01-01T00:00:00Z"),
          locale: "en",
        })
        .onConflictDoNothing();
    }

    const tagRows = TOPICS.flatMap((topic) =>
      topic.tags.map((tag) => ({
        id: seedId("tag", tag.slug),
        slug: tag.slug,
        name: tag.name,
        nameZh: tag.nameZh,
        topic: topic.slug,
      })),
    );
    await tx.insert(s.tags).values(tagRows).onConflictDoNothing();
    const tagId = (slug: string) => seedId("tag", slug);

    await tx
      .insert(s.creators)
      .values(
        CREATORS.map((c) => ({
          id: seedId("creator", c.slug),
          slug: c.slug,
          name: c.name,
          kind: c.kind,
          bio: c.bio,
          location: c.location,
          nameZh: CREATORS_ZH[c.slug]?.name ?? null,
          bioZh: CREATORS_ZH[c.slug]?.bio ?? null,
          locationZh: CREATORS_ZH[c.slug]?.location ?? null,
          country: c.country,
          userId: userIds.get(c.slug) ?? null,
        })),
      )
      .onConflictDoNothing();
    await tx
      .insert(s.shippingRates)
      .values(demoShippingRates(CREATORS.map((c) => c.slug)))
      .onConflictDoNothing();

    for (const [index, course] of COURSES.entries()) {
      const productId = seedId("product", course.slug);
      const topic = TOPICS.find((t) => t.slug === course.topic);
      const zh = COURSES_ZH[course.slug];
      await tx
        .insert(s.products)
        .values({
          id: productId,
          kind: "course",
          slug: course.slug,
          title: course.title,
          subtitle: course.subtitle,
          description: `${course.subtitle}. A ${course.level} course in ${topic?.name.toLowerCase()} with short video-style lessons, exercises and a final project you can share with the community.`,
          titleZh: zh?.title ?? null,
          subtitleZh: zh?.subtitle ?? null,
          descriptionZh: courseDescriptionZh(course, topic?.nameZh ?? ""),
          priceAmount: course.price,
          currency: "USD",
          creatorId: seedId("creator", course.instructor),
          status: "published",
          imageSeed: 1000 + index,
          createdAt: new Date(Date.UTC(2026, 0, 1 + index)),
        })
        .onConflictDoNothing();
      await tx.insert(s.courseDetails).values({ productId, level: course.level }).onConflictDoNothing();
      await tx
        .insert(s.productTags)
        .values(course.tags.map((t) => ({ productId, tagId: tagId(t) })))
        .onConflictDoNothing();

      // Three to five sections; the first lesson (and on odd courses the second) is a free preview.
      const sectionCount = 3 + (index % 3);
      let lessonPosition = 0;
      for (let si = 0; si < sectionCount; si++) {
        const theme = SECTION_THEMES[si] as (typeof SECTION_THEMES)[number];
        const themeZh = SECTION_THEMES_ZH[si] as (typeof SECTION_THEMES_ZH)[number];
        const sectionId = seedId("section", `${course.slug}:${si}`);
        await tx
          .insert(s.courseSections)
          .values({ id: sectionId, productId, position: si, title: theme.title, titleZh: themeZh.title })
          .onConflictDoNothing();
        const lessonRows = theme.lessons.map((title, li) => {
          const titleZh = themeZh.lessons[li] ?? null;
          lessonPosition += 1;
          const slug = `${lessonPosition}-${title
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, "-")
            .replace(/-$/, "")}`;
          return {
            id: seedId("lesson", `${course.slug}:${slug}`),
            productId,
            sectionId,
            position: lessonPosition,
            slug,
            title,
            durationMinutes: 6 + ((index * 7 + lessonPosition * 5) % 19),
            isPreview: lessonPosition === 1 || (lessonPosition === 2 && index % 2 === 1),
            body: lessonBody(course, theme.title, title, lessonPosition),
            titleZh,
            bodyZh: zh && titleZh ? lessonBodyZh(zh.title, zh.subtitle, themeZh.title, titleZh, lessonPosition) : null,
          };
        });
        lessonCount += lessonRows.length;
        await tx.insert(s.lessons).values(lessonRows).onConflictDoNothing();
      }
    }

    for (const [index, art] of artworks.entries()) {
      const productId = seedId("product", art.slug);
      await tx
        .insert(s.products)
        .values({
          id: productId,
          kind: "artwork",
          slug: art.slug,
          title: art.title,
          subtitle: art.medium,
          description: art.description,
          titleZh: art.titleZh,
          subtitleZh: art.mediumZh,
          descriptionZh: art.descriptionZh,
          priceAmount: art.price,
          currency: "USD",
          creatorId: seedId("creator", art.creator),
          status: "published",
          imageSeed: 5000 + index,
          createdAt: new Date(Date.UTC(2026, 1, 1 + index)),
        })
        .onConflictDoNothing();
      await tx
        .insert(s.artworkDetails)
        .values({
          productId,
          medium: art.medium,
          mediumZh: art.mediumZh,
          widthMm: art.widthMm,
          heightMm: art.heightMm,
          year: art.year,
          provenance: art.provenance,
          provenanceZh: art.provenanceZh,
          editionSize: art.editionSize,
          stock: art.stock,
          condition: art.condition,
          certificate: true,
        })
        .onConflictDoNothing();
      await tx
        .insert(s.productTags)
        .values(art.tags.map((t) => ({ productId, tagId: tagId(t) })))
        .onConflictDoNothing();
    }
  });
  // The demo co-branded campaign (its own transaction: it validates against the catalogue written above).
  await seedCampaigns(db);
  // Demo experiments with a few weeks of simulated traffic, so the results pages show the analysis.
  await seedDemoExperiments(db);

  return {
    creators: CREATORS.length,
    courses: COURSES.length,
    lessons: lessonCount,
    artworks: artworks.length,
    tags: TOPICS.reduce((n, t) => n + t.tags.length, 0),
    users: DEMO_ACCOUNTS.length,
  };
}
