"use client";

import { useLocale, useTranslations } from "next-intl";
import type { SegmentChoice } from "@/lib/reco/read";

/**
 * The campaign form's segment targeting: the named segments of the latest refresh as checkboxes, and any
 * segment the campaign already targets that the latest refresh no longer has, so it can be seen and
 * removed rather than silently kept.
 */
export function SegmentPicker({
  choices,
  value,
  onChange,
}: {
  choices: SegmentChoice[];
  value: string[];
  onChange: (keys: string[]) => void;
}) {
  const t = useTranslations("campaigns.form");
  const locale = useLocale();
  const known = new Set(choices.map((c) => c.key));
  const gone = value.filter((key) => !known.has(key));
  const toggle = (key: string, on: boolean) => onChange(on ? [...value, key] : value.filter((k) => k !== key));
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("segments")}</legend>
      <p className="text-sm text-muted">{t("segmentsHelp")}</p>
      {choices.length === 0 && gone.length === 0 ? (
        <p className="text-sm text-muted">{t("noSegments")}</p>
      ) : (
        <div className="mt-1 flex flex-col gap-1">
          {choices.map((c) => (
            <label key={c.key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={value.includes(c.key)}
                onChange={(e) => toggle(c.key, e.target.checked)}
              />
              <span>{locale === "zh" ? c.name.zh : c.name.en}</span>
              <span className="text-muted">{t("segmentMembers", { count: c.size })}</span>
            </label>
          ))}
          {gone.map((key) => (
            <label key={key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked onChange={(e) => toggle(key, e.target.checked)} />
              <span>{t("segmentGone", { key })}</span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
