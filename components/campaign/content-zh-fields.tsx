"use client";

import { useTranslations } from "next-intl";
import type { FormShape } from "@/lib/campaigns/form-shape";
import { Input, Textarea } from "@/components/ui/controls";
import { Field, RowButton } from "./form-parts";

type Props = {
  form: FormShape;
  update: (fn: (draft: FormShape) => void) => void;
  errors: Record<string, string | undefined>;
};

const blank = () => ({ heroTitle: "", heroText: "", story: [] as { heading: string; body: string }[] });

/**
 * The 中文 column of the campaign form: the bundle's and the landing page's Chinese twins, beside the
 * English fields. All optional: a Chinese page falls back to the English content, marked as English.
 */
export function BundleZhFields({ form, update, errors }: Props) {
  const t = useTranslations("campaigns.form");
  return (
    <div lang="zh" className="space-y-4">
      <Field id="bundle-title-zh" label={t("bundleTitleZh")} error={errors["bundle.titleZh"]}>
        {(p) => (
          <Input
            {...p}
            value={form.bundle.titleZh ?? ""}
            onChange={(e) => update((d) => void (d.bundle.titleZh = e.target.value))}
          />
        )}
      </Field>
      <Field id="bundle-description-zh" label={t("bundleDescriptionZh")} error={errors["bundle.descriptionZh"]}>
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            value={form.bundle.descriptionZh ?? ""}
            onChange={(e) => update((d) => void (d.bundle.descriptionZh = e.target.value))}
          />
        )}
      </Field>
    </div>
  );
}

export function ContentZhFields({ form, update, errors }: Props) {
  const t = useTranslations("campaigns.form");
  const zh = form.contentZh ?? blank();
  const edit = (fn: (c: NonNullable<FormShape["contentZh"]>) => void) =>
    update((d) => {
      d.contentZh ??= blank();
      fn(d.contentZh);
    });
  return (
    <div lang="zh" className="space-y-4">
      <Field id="hero-title-zh" label={t("heroTitleZh")} error={errors["contentZh.heroTitle"]}>
        {(p) => (
          <Input {...p} value={zh.heroTitle} onChange={(e) => edit((c) => void (c.heroTitle = e.target.value))} />
        )}
      </Field>
      <Field id="hero-text-zh" label={t("heroTextZh")} error={errors["contentZh.heroText"]}>
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            value={zh.heroText}
            onChange={(e) => edit((c) => void (c.heroText = e.target.value))}
          />
        )}
      </Field>
      {zh.story.map((block, i) => (
        <div key={i} className="space-y-2 rounded border border-line p-3">
          <Field
            id={`story-zh-${i}-heading`}
            label={t("storyHeadingZh", { n: i + 1 })}
            error={errors[`contentZh.story.${i}.heading`]}
          >
            {(p) => (
              <Input
                {...p}
                value={block.heading}
                onChange={(e) => edit((c) => void (c.story[i]!.heading = e.target.value))}
              />
            )}
          </Field>
          <Field
            id={`story-zh-${i}-body`}
            label={t("storyBodyZh", { n: i + 1 })}
            error={errors[`contentZh.story.${i}.body`]}
          >
            {(p) => (
              <Textarea
                {...p}
                rows={3}
                value={block.body}
                onChange={(e) => edit((c) => void (c.story[i]!.body = e.target.value))}
              />
            )}
          </Field>
          <RowButton onClick={() => edit((c) => void c.story.splice(i, 1))}>{t("removeBlock")}</RowButton>
        </div>
      ))}
      <RowButton onClick={() => edit((c) => void c.story.push({ heading: "", body: "" }))}>{t("addBlockZh")}</RowButton>
    </div>
  );
}
