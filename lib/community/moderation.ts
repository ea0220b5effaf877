/**
 * Reports and the moderation queue. Anyone signed in may report a comment, a review or a work; admins hide or
 * restore it, which resolves its open reports. Hidden content is filtered by every reader
 * (listComments, listReviews, getRatingSummary, listFeed, the works galleries).
 */
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { comments, reports, reviews, works } from "@/db/schema";
import { withinRateLimit } from "./rate-limit";
import { workImageUrl } from "./works";

export const reportTargetSchema = z.object({
  targetKind: z.enum(["comment", "review", "work"]),
  /** A comment id, or `<user id>:<product id>` for a review. */
  targetId: z.string().trim().min(1).max(300),
});
export const reportInputSchema = reportTargetSchema.extend({ reason: z.string().trim().max(500).default("") });
export type ReportTarget = z.infer<typeof reportTargetSchema>;

function reviewKey(targetId: string): { userId: string; productId: string } | null {
  const [userId, productId, ...rest] = targetId.split(":");
  return userId && productId && rest.length === 0 ? { userId, productId } : null;
}

async function targetExists(db: Executor, t: ReportTarget): Promise<boolean> {
  if (t.targetKind === "comment") return (await db.$count(comments, eq(comments.id, t.targetId))) > 0;
  if (t.targetKind === "work") return (await db.$count(works, eq(works.id, t.targetId))) > 0;
  const key = reviewKey(t.targetId);
  return (
    key !== null &&
    (await db.$count(reviews, and(eq(reviews.userId, key.userId), eq(reviews.productId, key.productId)))) > 0
  );
}

export type ReportResult = { ok: true } | { ok: false; code: "not_found" | "rate_limited" };

/** Reporting twice is the same as once. */
export async function reportContent(
  db: Db,
  reporterId: string,
  input: z.infer<typeof reportInputSchema>,
  now = new Date(),
): Promise<ReportResult> {
  return db.transaction(async (tx) => {
    if (!(await targetExists(tx, input))) return { ok: false, code: "not_found" } as const;
    if (!(await withinRateLimit(tx, reporterId, "report", now))) return { ok: false, code: "rate_limited" } as const;
    await tx
      .insert(reports)
      .values({
        reporterId,
        targetKind: input.targetKind,
        targetId: input.targetId,
        reason: input.reason,
        createdAt: now,
      })
      .onConflictDoNothing();
    return { ok: true } as const;
  });
}

export type QueueItem = {
  targetKind: "comment" | "review" | "work";
  targetId: string;
  reports: number;
  reasons: string[];
  body: string;
  /** A work's image, for the moderator to see what was reported. */
  imageUrl?: string;
  hidden: boolean;
  firstReportedAt: Date;
};

/** Open reports grouped by target, oldest first, with the reported text. */
export async function listModerationQueue(db: Db): Promise<QueueItem[]> {
  const rows = await db
    .select({
      targetKind: reports.targetKind,
      targetId: reports.targetId,
      reports: sql<number>`count(*)::int`,
      reasons: sql<string[]>`array_remove(array_agg(distinct nullif(${reports.reason}, '')), null)`,
      firstReportedAt: sql<Date>`min(${reports.createdAt})`,
    })
    .from(reports)
    .where(isNull(reports.resolvedAt))
    .groupBy(reports.targetKind, reports.targetId)
    .orderBy(asc(sql`min(${reports.createdAt})`));
  const out: QueueItem[] = [];
  for (const r of rows) {
    let body = "";
    let hidden = false;
    let imageUrl: string | undefined;
    if (r.targetKind === "work") {
      const [w] = await db
        .select({ title: works.title, story: works.story, hiddenAt: works.hiddenAt, imageFile: works.imageFile })
        .from(works)
        .where(eq(works.id, r.targetId));
      if (!w) continue;
      body = w.story ? `${w.title}\n${w.story}` : w.title;
      hidden = w.hiddenAt !== null;
      imageUrl = workImageUrl(w.imageFile);
    } else if (r.targetKind === "comment") {
      const [c] = await db
        .select({ body: comments.body, hiddenAt: comments.hiddenAt })
        .from(comments)
        .where(eq(comments.id, r.targetId));
      if (!c) continue;
      body = c.body;
      hidden = c.hiddenAt !== null;
    } else {
      const key = reviewKey(r.targetId);
      const [rv] = key
        ? await db
            .select({ body: reviews.body, hiddenAt: reviews.hiddenAt })
            .from(reviews)
            .where(and(eq(reviews.userId, key.userId), eq(reviews.productId, key.productId)))
        : [];
      if (!rv) continue;
      body = rv.body;
      hidden = rv.hiddenAt !== null;
    }
    out.push({ ...r, firstReportedAt: new Date(r.firstReportedAt), body, hidden, ...(imageUrl ? { imageUrl } : {}) });
  }
  return out;
}

/** Hide or restore, and close the target's open reports: one transaction. */
export async function setHidden(
  db: Db,
  target: ReportTarget,
  hidden: boolean,
  now = new Date(),
): Promise<{ ok: boolean }> {
  return db.transaction(async (tx) => {
    const hiddenAt = hidden ? now : null;
    let changed: unknown[];
    if (target.targetKind === "work") {
      changed = await tx
        .update(works)
        .set({ hiddenAt })
        .where(eq(works.id, target.targetId))
        .returning({ id: works.id });
    } else if (target.targetKind === "comment") {
      changed = await tx
        .update(comments)
        .set({ hiddenAt })
        .where(eq(comments.id, target.targetId))
        .returning({ id: comments.id });
    } else {
      const key = reviewKey(target.targetId);
      changed = key
        ? await tx
            .update(reviews)
            .set({ hiddenAt })
            .where(and(eq(reviews.userId, key.userId), eq(reviews.productId, key.productId)))
            .returning({ u: reviews.userId })
        : [];
    }
    if (changed.length === 0) return { ok: false };
    await tx
      .update(reports)
      .set({ resolvedAt: now })
      .where(
        and(
          eq(reports.targetKind, target.targetKind),
          eq(reports.targetId, target.targetId),
          isNull(reports.resolvedAt),
        ),
      );
    return { ok: true };
  });
}

export type HiddenItem = {
  targetKind: "comment" | "review" | "work";
  targetId: string;
  body: string;
  imageUrl?: string;
  hiddenAt: Date;
};

/** What moderators hid lately, newest first, so a mistaken hide can be restored without a new report. */
export async function listHiddenContent(db: Db, limit = 50): Promise<HiddenItem[]> {
  const [c, r, w] = await Promise.all([
    db
      .select({ id: comments.id, body: comments.body, at: comments.hiddenAt })
      .from(comments)
      .where(isNotNull(comments.hiddenAt))
      .orderBy(desc(comments.hiddenAt))
      .limit(limit),
    db
      .select({ userId: reviews.userId, productId: reviews.productId, body: reviews.body, at: reviews.hiddenAt })
      .from(reviews)
      .where(isNotNull(reviews.hiddenAt))
      .orderBy(desc(reviews.hiddenAt))
      .limit(limit),
    db
      .select({ id: works.id, title: works.title, imageFile: works.imageFile, at: works.hiddenAt })
      .from(works)
      .where(isNotNull(works.hiddenAt))
      .orderBy(desc(works.hiddenAt))
      .limit(limit),
  ]);
  const items: HiddenItem[] = [
    ...c.map((x) => ({ targetKind: "comment" as const, targetId: x.id, body: x.body, hiddenAt: x.at! })),
    ...r.map((x) => ({
      targetKind: "review" as const,
      targetId: `${x.userId}:${x.productId}`,
      body: x.body,
      hiddenAt: x.at!,
    })),
    ...w.map((x) => ({
      targetKind: "work" as const,
      targetId: x.id,
      body: x.title,
      imageUrl: workImageUrl(x.imageFile),
      hiddenAt: x.at!,
    })),
  ];
  return items.sort((a, b) => b.hiddenAt.getTime() - a.hiddenAt.getTime()).slice(0, limit);
}
