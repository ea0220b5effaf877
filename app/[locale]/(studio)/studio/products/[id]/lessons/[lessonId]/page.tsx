import { Link } from "@/i18n/navigation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { deleteLessonAction, updateLessonAction } from "@/app/_actions/studio-products";
import { Checkbox } from "@/components/studio/checkbox";
import { Bilingual, BilingualHeadings } from "@/components/studio/bilingual";
import { Field, TextArea } from "@/components/studio/field";
import { StudioForm } from "@/components/studio/studio-form";
import { getStudioCourseStructure } from "@/lib/commerce/studio-courses";
import { getStudioProduct } from "@/lib/commerce/studio-products";
import { pageMetadata } from "@/lib/server/page-metadata";
import { requireRole } from "@/lib/server/session";

export const generateMetadata = pageMetadata("editLesson");

type Props = { params: Promise<{ id: string; lessonId: string }> };

export default async function EditLessonPage({ params }: Props) {
  const { id, lessonId } = await params;
  const user = await requireRole(["creator", "admin"], `/studio/products/${encodeURIComponent(id)}`);
  const [product, sections] = await Promise.all([getStudioProduct(user, id), getStudioCourseStructure(user, id)]);
  const lesson = sections?.flatMap((s) => s.lessons).find((l) => l.id === lessonId);
  if (!product || !lesson) notFound();
  const t = await getTranslations("studioProducts");
  return (
    <div className="max-w-3xl space-y-6">
      <p className="text-sm">
        <Link href={`/studio/products/${product.id}`} className="text-accent underline">
          ← {product.title}
        </Link>
      </p>
      <h1 className="font-serif text-3xl">{t("editLesson", { n: lesson.position })}</h1>
      <StudioForm action={updateLessonAction} submitLabel={t("save")}>
        <input type="hidden" name="lessonId" value={lesson.id} />
        <Field
          name="durationMinutes"
          label={t("fields.durationMinutes")}
          type="number"
          defaultValue={lesson.durationMinutes}
          required
        />
        <Checkbox name="isPreview" label={t("fields.isPreview")} defaultChecked={lesson.isPreview} />
        <BilingualHeadings />
        <Bilingual
          en={
            <>
              <Field name="title" label={t("fields.lessonTitle")} defaultValue={lesson.title} required />
              <TextArea name="body" label={t("fields.body")} defaultValue={lesson.body} rows={18} mono />
            </>
          }
          zh={
            <>
              <Field name="titleZh" label={t("fields.lessonTitleZh")} defaultValue={lesson.titleZh} lang="zh" />
              <TextArea
                name="bodyZh"
                label={t("fields.bodyZh")}
                defaultValue={lesson.bodyZh}
                rows={18}
                mono
                lang="zh"
              />
            </>
          }
        />
        <p className="text-xs text-muted">{t("markdownHint")}</p>
      </StudioForm>
      <div className="flex flex-wrap items-center justify-between gap-4 border-t border-line pt-4">
        <Link href={`/learn/${product.slug}/${lesson.slug}`} className="text-sm text-accent underline">
          {t("openInPlayer")}
        </Link>
        <StudioForm
          action={deleteLessonAction}
          submitLabel={t("deleteLesson")}
          confirm={t("confirmDeleteLesson", { title: lesson.title })}
          danger
          className="flex items-center"
        >
          <input type="hidden" name="lessonId" value={lesson.id} />
          <input type="hidden" name="productId" value={product.id} />
        </StudioForm>
      </div>
    </div>
  );
}
