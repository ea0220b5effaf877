"use server";

import { redirect } from "next/navigation";
import { localePath } from "@/lib/i18n/page-locale";
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { artworkConditionEnum } from "@/db/schema";
import { validatedActionWithUser, type FormState } from "@/lib/actions";
import { isEmailVerified } from "@/lib/auth/verification";
import {
  addLesson,
  addSection,
  deleteLesson,
  deleteSection,
  renameSection,
  updateLesson,
} from "@/lib/commerce/studio-courses";
import { createStudioProduct, updateStudioProduct, type StudioResult } from "@/lib/commerce/studio-products";
import { currencySchema, parseMajorAmount } from "@/lib/money";

const ROLES = ["creator" as const, "admin" as const];
const id = z.string().trim().min(1).max(128);
const currency = currencySchema.default("USD");
/** Money typed in major units ("49" or "49.00"), read in the product's currency. */
const price = z.string().trim().min(1).max(16);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** Centimetres with one decimal, stored as millimetres. */
const cm = z.coerce
  .number()
  .min(0.1)
  .max(10_000)
  .transform((v) => Math.round(v * 10));
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

const base = {
  title: z.string().trim().min(1).max(160),
  subtitle: z.string().trim().max(240).default(""),
  description: z.string().trim().max(5000).default(""),
  // Chinese is optional: an empty field leaves the Chinese page on the English text, marked.
  titleZh: z.string().trim().max(160).default(""),
  subtitleZh: z.string().trim().max(240).default(""),
  descriptionZh: z.string().trim().max(5000).default(""),
  price,
  currency,
  status: z.enum(["draft", "published", "archived"]).default("draft"),
};
const courseForm = z.object({
  kind: z.literal("course"),
  ...base,
  level: z.enum(["beginner", "intermediate", "advanced"]),
});
const artworkForm = z.object({
  kind: z.literal("artwork"),
  ...base,
  medium: z.string().trim().min(1).max(120),
  mediumZh: z.string().trim().max(120).default(""),
  widthCm: cm,
  heightCm: cm,
  year: int(1000, 2100),
  provenance: z.string().trim().max(1000).default(""),
  provenanceZh: z.string().trim().max(1000).default(""),
  editionSize: int(1, 100_000),
  stock: int(0, 100_000),
  // An empty choice means "not stated"; an unticked checkbox is absent from the form.
  condition: z.enum(["", ...artworkConditionEnum.enumValues]).default(""),
  certificate: z.literal("on").optional(),
});
const productForm = z.discriminatedUnion("kind", [courseForm, artworkForm]);

function failed(result: Exclude<StudioResult, { ok: true }>): FormState {
  return {
    ok: false,
    error: `studioProducts.errors.${result.code}`,
    fieldErrors: result.field ? { [result.field]: `studioProducts.errors.${result.code}` } : undefined,
  };
}

function toFields(data: z.infer<typeof productForm>, priceAmount: number) {
  const common = {
    title: data.title,
    subtitle: data.subtitle,
    description: data.description,
    titleZh: data.titleZh,
    subtitleZh: data.subtitleZh,
    descriptionZh: data.descriptionZh,
    priceAmount,
    currency: data.currency,
    status: data.status,
  };
  return data.kind === "course"
    ? ({ kind: "course", fields: { ...common, level: data.level } } as const)
    : ({
        kind: "artwork",
        fields: {
          ...common,
          medium: data.medium,
          mediumZh: data.mediumZh,
          widthMm: data.widthCm,
          heightMm: data.heightCm,
          year: data.year,
          provenance: data.provenance,
          provenanceZh: data.provenanceZh,
          editionSize: data.editionSize,
          stock: data.stock,
          condition: data.condition || null,
          certificate: data.certificate === "on",
        },
      } as const);
}

function readPrice(data: { price: string; currency: string }): number | null {
  return parseMajorAmount(data.price, data.currency);
}

export const createProductAction = validatedActionWithUser(
  productForm,
  async (data, user) => {
    // Publishing needs a verified address (issue 11): an unverified account may keep drafts.
    if (data.status === "published" && !(await isEmailVerified(await getDb(), user.id)))
      return { ok: false, error: "account.verifyBeforePublishing" };
    const priceAmount = readPrice(data);
    if (priceAmount === null)
      return { ok: false, error: "invalid_input", fieldErrors: { price: "studioProducts.errors.price" } };
    const result = await createStudioProduct(user, toFields(data, priceAmount));
    if (!result.ok) return failed(result);
    redirect(await localePath(`/studio/products/${result.id}?created=1`));
  },
  ROLES,
);

export const updateProductAction = validatedActionWithUser(
  z.intersection(productForm, z.object({ productId: id, expectedStock: int(0, 100_000).optional() })),
  async (data, user) => {
    // Publishing needs a verified address (issue 11): an unverified account may keep drafts.
    if (data.status === "published" && !(await isEmailVerified(await getDb(), user.id)))
      return { ok: false, error: "account.verifyBeforePublishing" };
    const priceAmount = readPrice(data);
    if (priceAmount === null)
      return { ok: false, error: "invalid_input", fieldErrors: { price: "studioProducts.errors.price" } };
    const input = toFields(data, priceAmount);
    const result = await updateStudioProduct(
      user,
      data.productId,
      input.kind === "artwork" ? { ...input, expectedStock: data.expectedStock ?? -1 } : input,
    );
    if (!result.ok) return failed(result);
    refresh();
    return { ok: true };
  },
  ROLES,
);

const lessonForm = z.object({
  title: z.string().trim().min(1).max(160),
  titleZh: z.string().trim().max(160).default(""),
  durationMinutes: int(1, 600),
  isPreview: checkbox,
  body: z.string().max(100_000).default(""),
  bodyZh: z.string().max(100_000).default(""),
});
// Forms without the Chinese field (the new-section one) leave it absent: nothing to overwrite.
const sectionTitleZh = z.string().trim().max(160).optional();

export const addSectionAction = validatedActionWithUser(
  z.object({ productId: id, title: z.string().trim().min(1).max(160), titleZh: sectionTitleZh }),
  async (data, user) => {
    const result = await addSection(user, data.productId, { title: data.title, titleZh: data.titleZh });
    if (!result.ok) return failed(result);
    refresh();
    return { ok: true };
  },
  ROLES,
);

export const renameSectionAction = validatedActionWithUser(
  z.object({ sectionId: id, title: z.string().trim().min(1).max(160), titleZh: sectionTitleZh }),
  async (data, user) => {
    const result = await renameSection(user, data.sectionId, { title: data.title, titleZh: data.titleZh });
    if (!result.ok) return failed(result);
    refresh();
    return { ok: true };
  },
  ROLES,
);

export const deleteSectionAction = validatedActionWithUser(
  z.object({ sectionId: id }),
  async (data, user) => {
    const result = await deleteSection(user, data.sectionId);
    if (!result.ok) return failed(result);
    refresh();
    return { ok: true };
  },
  ROLES,
);

export const addLessonAction = validatedActionWithUser(
  z.object({ sectionId: id, productId: id }).extend(lessonForm.shape),
  async (data, user) => {
    const result = await addLesson(user, data.sectionId, {
      title: data.title,
      titleZh: data.titleZh,
      durationMinutes: data.durationMinutes,
      isPreview: data.isPreview,
      body: data.body,
      bodyZh: data.bodyZh,
    });
    if (!result.ok) return failed(result);
    redirect(await localePath(`/studio/products/${data.productId}/lessons/${result.id}`));
  },
  ROLES,
);

export const updateLessonAction = validatedActionWithUser(
  z.object({ lessonId: id }).extend(lessonForm.shape),
  async (data, user) => {
    const result = await updateLesson(user, data.lessonId, {
      title: data.title,
      titleZh: data.titleZh,
      durationMinutes: data.durationMinutes,
      isPreview: data.isPreview,
      body: data.body,
      bodyZh: data.bodyZh,
    });
    if (!result.ok) return failed(result);
    refresh();
    return { ok: true };
  },
  ROLES,
);

export const deleteLessonAction = validatedActionWithUser(
  z.object({ lessonId: id, productId: id }),
  async (data, user) => {
    const result = await deleteLesson(user, data.lessonId);
    if (!result.ok) return failed(result);
    redirect(await localePath(`/studio/products/${data.productId}`));
  },
  ROLES,
);
