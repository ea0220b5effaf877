"use client";

import { useTranslations } from "next-intl";
import type { VariantContent } from "@/db/schema";
import { Input, Textarea } from "@/components/ui/controls";
import { Field } from "./form-parts";

export const COPY_FIELDS = ["headline", "heroText", "body", "offer", "cta"] as const;
export type CopyField = (typeof COPY_FIELDS)[number];
export type CopyLanguage = "en" | "zh";

type Props = {
  index: number;
  content: VariantContent;
  contentZh: VariantContent;
  errors: Record<string, string | undefined>;
  readOnly: boolean;
  onChange: (language: CopyLanguage, field: CopyField, value: string) => void;
};

/**
 * One variant's copy, English | 中文 side by side like the rest of the form. The Chinese column is
 * optional: a Chinese landing page shows the English copy of a variant without one, marked as English.
 */
export function VariantCopyFields({ index, content, contentZh, errors, readOnly, onChange }: Props) {
  const t = useTranslations("campaigns.form");
  const column = (language: CopyLanguage) => {
    const copy = language === "zh" ? contentZh : content;
    const path = language === "zh" ? "contentZh" : "content";
    return COPY_FIELDS.map((f) => (
      <Field
        key={f}
        id={`variant-${index}-${f}${language === "zh" ? "-zh" : ""}`}
        label={t(language === "zh" ? `variantFieldZh.${f}` : `variantField.${f}`)}
        error={errors[`experiment.variants.${index}.${path}.${f}`]}
      >
        {(p) =>
          f === "body" || f === "heroText" ? (
            <Textarea
              {...p}
              rows={2}
              readOnly={readOnly}
              value={copy[f]}
              onChange={(ev) => onChange(language, f, ev.target.value)}
            />
          ) : (
            <Input
              {...p}
              readOnly={readOnly}
              value={copy[f]}
              onChange={(ev) => onChange(language, f, ev.target.value)}
            />
          )
        }
      </Field>
    ));
  };
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="space-y-3">{column("en")}</div>
      <fieldset lang="zh" className="space-y-3">
        <legend className="text-sm font-medium">{t("variantCopyZh")}</legend>
        {column("zh")}
      </fieldset>
    </div>
  );
}
