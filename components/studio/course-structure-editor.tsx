import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import {
  addLessonAction,
  addSectionAction,
  deleteSectionAction,
  renameSectionAction,
} from "@/app/_actions/studio-products";
import type { StudioSection } from "@/lib/commerce/studio-courses";
import { Checkbox } from "./checkbox";
import { Field } from "./field";
import { StudioForm } from "./studio-form";

/** Sections and lessons of a course: rename or delete sections, add lessons, open a lesson to edit its text. */
export async function CourseStructureEditor({ productId, sections }: { productId: string; sections: StudioSection[] }) {
  const t = await getTranslations("studioProducts");
  return (
    <section aria-labelledby="structure" className="space-y-4">
      <h2 id="structure" className="font-serif text-2xl">
        {t("structure.title")}
      </h2>
      {sections.length === 0 && <p className="text-sm text-muted">{t("structure.empty")}</p>}
      <ol className="space-y-4">
        {sections.map((s, i) => (
          <li key={s.id} className="rounded-lg border border-line bg-white p-4" data-testid="studio-section">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <StudioForm
                action={renameSectionAction}
                submitLabel={t("structure.rename")}
                className="flex flex-wrap items-end gap-3"
              >
                <input type="hidden" name="sectionId" value={s.id} />
                <Field
                  name="title"
                  idPrefix={`section-${s.id}`}
                  label={t("structure.sectionN", { n: i + 1 })}
                  defaultValue={s.title}
                />
                <Field
                  name="titleZh"
                  idPrefix={`section-${s.id}`}
                  label={t("fields.sectionTitleZh")}
                  defaultValue={s.titleZh}
                  lang="zh"
                />
              </StudioForm>
              <StudioForm
                action={deleteSectionAction}
                submitLabel={t("structure.deleteSection")}
                confirm={t("structure.confirmDeleteSection", { title: s.title })}
                danger
                className="flex items-end"
              >
                <input type="hidden" name="sectionId" value={s.id} />
              </StudioForm>
            </div>
            <ul className="mt-3 divide-y divide-line text-sm">
              {s.lessons.map((l) => (
                <li key={l.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/studio/products/${productId}/lessons/${l.id}`} className="hover:text-accent">
                    {l.position}. {l.title}
                  </Link>
                  <span className="text-muted">
                    {l.isPreview && (
                      <span className="mr-2 rounded-full border border-moss px-2 py-0.5 text-xs text-moss">
                        {t("structure.preview")}
                      </span>
                    )}
                    {t("structure.minutes", { n: l.durationMinutes })}
                  </span>
                </li>
              ))}
            </ul>
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-accent">{t("structure.addLesson")}</summary>
              <StudioForm
                action={addLessonAction}
                submitLabel={t("structure.addLesson")}
                className="mt-3 space-y-3"
                resetOnSuccess
              >
                <input type="hidden" name="sectionId" value={s.id} />
                <input type="hidden" name="productId" value={productId} />
                <div className="grid gap-3 sm:grid-cols-[1fr_8rem]">
                  <Field name="title" idPrefix={`new-lesson-${s.id}`} label={t("fields.lessonTitle")} required />
                  <Field
                    name="durationMinutes"
                    idPrefix={`new-lesson-${s.id}`}
                    label={t("fields.durationMinutes")}
                    type="number"
                    defaultValue={10}
                    required
                  />
                </div>
                <Checkbox name="isPreview" label={t("fields.isPreview")} />
              </StudioForm>
            </details>
          </li>
        ))}
      </ol>
      <StudioForm
        action={addSectionAction}
        submitLabel={t("structure.addSection")}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-dashed border-line p-4"
        resetOnSuccess
      >
        <input type="hidden" name="productId" value={productId} />
        <Field name="title" idPrefix="new-section" label={t("structure.newSection")} />
      </StudioForm>
    </section>
  );
}
