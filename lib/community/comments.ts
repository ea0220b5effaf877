/**
 * Questions and comments on products, threaded one level (a reply answers a top-level comment). The
 * product's creator answers are flagged so pages can highlight them. Posting is rate-limited per person.
 */
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { comments, creators, products, users } from "@/db/schema";
import { RATE_LIMITS, withinRateLimit } from "./rate-limit";

export const COMMENT_BODY_MAX = 2000;
export const COMMENT_RATE = RATE_LIMITS.comment;

export const commentInputSchema = z.object({
  productId: z.string().trim().min(1).max(128),
  parentId: z
    .string()
    .trim()
    .max(128)
    .optional()
    .transform((v) => v || undefined),
  body: z.string().trim().min(1, { error: "comment_required" }).max(COMMENT_BODY_MAX, { error: "comment_too_long" }),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export type PostCommentResult = { ok: true; id: string } | { ok: false; code: "not_found" | "rate_limited" };

export async function postComment(
  db: Db,
  userId: string,
  input: CommentInput,
  now = new Date(),
): Promise<PostCommentResult> {
  return db.transaction(async (tx) => {
    const [product] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, input.productId), eq(products.status, "published")))
      .limit(1);
    if (!product) return { ok: false, code: "not_found" } as const;
    if (input.parentId) {
      // Replies attach to visible top-level comments of the same product only: one level of threading.
      const [parent] = await tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            eq(comments.id, input.parentId),
            eq(comments.productId, input.productId),
            isNull(comments.parentId),
            isNull(comments.hiddenAt),
          ),
        )
        .limit(1);
      if (!parent) return { ok: false, code: "not_found" } as const;
    }
    if (!(await withinRateLimit(tx, userId, "comment", now))) return { ok: false, code: "rate_limited" } as const;
    const [row] = await tx
      .insert(comments)
      .values({
        productId: input.productId,
        userId,
        parentId: input.parentId ?? null,
        body: input.body,
        createdAt: now,
      })
      .returning({ id: comments.id });
    return { ok: true, id: row!.id } as const;
  });
}

/** `deleted`: a question whose author deleted their account after others answered it; no author, no text. */
export type CommentView = {
  id: string;
  author: string;
  authorId: string | null;
  deleted: boolean;
  body: string;
  byCreator: boolean;
  createdAt: Date;
  replies: Omit<CommentView, "replies">[];
};

/**
 * Visible comments of a product, oldest first, replies under their parent; hidden ones and their
 * replies left out, and so is a deleted question none of whose answers is visible.
 */
export async function listComments(db: Db, productId: string): Promise<CommentView[]> {
  const rows = await db
    .select({
      id: comments.id,
      parentId: comments.parentId,
      authorId: comments.userId,
      author: users.name,
      body: comments.body,
      createdAt: comments.createdAt,
      creatorUserId: creators.userId,
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.userId))
    .innerJoin(products, eq(products.id, comments.productId))
    .innerJoin(creators, eq(creators.id, products.creatorId))
    .where(and(eq(comments.productId, productId), isNull(comments.hiddenAt)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const view = (r: (typeof rows)[number]) => ({
    id: r.id,
    author: r.author ?? "",
    authorId: r.authorId,
    deleted: r.authorId === null,
    body: r.body,
    byCreator: r.authorId !== null && r.creatorUserId === r.authorId,
    createdAt: r.createdAt,
  });
  const top = new Map<string, CommentView>();
  for (const r of rows) if (!r.parentId) top.set(r.id, { ...view(r), replies: [] });
  for (const r of rows) if (r.parentId) top.get(r.parentId)?.replies.push(view(r));
  return [...top.values()].filter((c) => !c.deleted || c.replies.length > 0);
}
