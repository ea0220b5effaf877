"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveCampaignAction } from "@/app/_actions/campaigns";
import { fieldTarget } from "@/lib/campaigns/field-labels";
import { fromFormShape, type FormShape } from "@/lib/campaigns/form-shape";
import { CURRENCIES } from "@/lib/money";
import type { FormChoices } from "@/lib/campaigns/queries";
import { Input, Select, Textarea } from "@/components/ui/controls";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { BundleZhFields, ContentZhFields } from "./content-zh-fields";
import { Field, RowButton, Section } from "./form-parts";
import { SegmentPicker } from "./segment-picker";
import { VariantsSection, type ExperimentLocks, type RecentTraffic } from "./variants-section";

export function CampaignForm({
  initial,
  id,
  choices,
  lockedSlug,
  locks = { running: false, launched: false },
  traffic,
}: {
  initial: FormShape;
  id?: string;
  choices: FormChoices;
  lockedSlug: boolean;
  locks?: ExperimentLocks;
  traffic: RecentTraffic;
}) {
  const t = useTranslations("campaigns.form");
  const te = useTranslations("campaigns.errors");
  const [form, setForm] = useState<FormShape>(initial);
  const [state, formAction] = useActionState(saveCampaignAction, null);
  const errors = state?.fieldErrors ?? {};
  // Runs the edit now, inside the event handler: handlers read e.target.value, which React resets on a
  // controlled input once the handler returns, so a deferred updater would read the old value.
  const update = (fn: (draft: FormShape) => void) => {
    const next = structuredClone(form);
    fn(next);
    setForm(next);
  };
  const courses = choices.products.filter((p) => p.kind === "course");
  const artworks = choices.products.filter((p) => p.kind === "artwork");
  const productOptions = (
    <>
      <option value="">{t("choose")}</option>
      <optgroup label={t("courses")}>
        {courses.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} · {p.creator}
          </option>
        ))}
      </optgroup>
      <optgroup label={t("artworks")}>
        {artworks.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} · {p.creator}
          </option>
        ))}
      </optgroup>
    </>
  );

  const productList = (
    key: "items" | "featured",
    ids: string[],
    setIds: (ids: string[]) => void,
    pathPrefix: string,
  ) => (
    <div className="space-y-2">
      {ids.map((pid, i) => (
        <div key={i} className="flex items-end gap-2">
          <div className="grow">
            <Field
              id={`${key}-${i}`}
              label={t(key === "items" ? "bundleItem" : "featuredItem", { n: i + 1 })}
              error={errors[`${pathPrefix}.${i}`]}
            >
              {(p) => (
                <Select {...p} value={pid} onChange={(e) => setIds(ids.map((x, j) => (j === i ? e.target.value : x)))}>
                  {productOptions}
                </Select>
              )}
            </Field>
          </div>
          <RowButton onClick={() => setIds(ids.filter((_, j) => j !== i))} label={t("removeRow", { n: i + 1 })}>
            ×
          </RowButton>
        </div>
      ))}
      <RowButton onClick={() => setIds([...ids, ""])}>{t("add")}</RowButton>
    </div>
  );

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="payload" value={JSON.stringify(fromFormShape(form))} />
      {id && <input type="hidden" name="id" value={id} />}
      {state && !state.ok && (
        <FormMessage tone="error" boxed as="div">
          <p className="font-medium">{te(state.error ?? "invalid_input")}</p>
          {Object.keys(errors).length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {Object.entries(errors).map(([path, key]) => {
                // Named by the form's own labels (and linked to the field), never by the payload path.
                const target = fieldTarget(path);
                const label = target.label.map((part) => t(part.key, part.values)).join(" · ");
                return (
                  <li key={path} data-error-path={path}>
                    {target.id ? (
                      <a href={`#${target.id}`} className="underline">
                        {label}
                      </a>
                    ) : (
                      label
                    )}
                    : {te(key)}
                  </li>
                );
              })}
            </ul>
          )}
        </FormMessage>
      )}

      <Section title={t("basics")}>
        <Field id="name" label={t("name")} error={errors.name}>
          {(p) => <Input {...p} value={form.name} onChange={(e) => update((d) => void (d.name = e.target.value))} />}
        </Field>
        <Field id="slug" label={t("slug")} error={errors.slug} hint={lockedSlug ? t("slugLocked") : t("slugHint")}>
          {(p) => (
            <Input
              {...p}
              value={form.slug}
              readOnly={lockedSlug}
              onChange={(e) => update((d) => void (d.slug = e.target.value))}
            />
          )}
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="startsAt" label={t("startsAt")} error={errors.startsAt} hint={t("utc")}>
            {(p) => (
              <Input
                {...p}
                type="datetime-local"
                value={form.startsAt}
                onChange={(e) => update((d) => void (d.startsAt = e.target.value))}
              />
            )}
          </Field>
          <Field id="endsAt" label={t("endsAt")} error={errors.endsAt} hint={t("utc")}>
            {(p) => (
              <Input
                {...p}
                type="datetime-local"
                value={form.endsAt}
                onChange={(e) => update((d) => void (d.endsAt = e.target.value))}
              />
            )}
          </Field>
        </div>
      </Section>

      <Section title={t("partners")} error={errors.partnerIds}>
        {form.partnerIds.map((cid, i) => (
          <div key={i} className="flex items-end gap-2">
            <div className="grow">
              <Field id={`partner-${i}`} label={t("partner", { n: i + 1 })} error={errors[`partnerIds.${i}`]}>
                {(p) => (
                  <Select {...p} value={cid} onChange={(e) => update((d) => void (d.partnerIds[i] = e.target.value))}>
                    <option value="">{t("choose")}</option>
                    {choices.creators.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name} ({c.kind})
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            <RowButton
              onClick={() => update((d) => void d.partnerIds.splice(i, 1))}
              label={t("removeRow", { n: i + 1 })}
            >
              ×
            </RowButton>
          </div>
        ))}
        <RowButton onClick={() => update((d) => void d.partnerIds.push(""))}>{t("add")}</RowButton>
      </Section>

      <Section title={t("bundle")} error={errors["bundle.itemIds"]}>
        <Field id="bundle-title" label={t("bundleTitle")} error={errors["bundle.title"]}>
          {(p) => (
            <Input
              {...p}
              value={form.bundle.title}
              onChange={(e) => update((d) => void (d.bundle.title = e.target.value))}
            />
          )}
        </Field>
        <Field id="bundle-description" label={t("bundleDescription")} error={errors["bundle.description"]}>
          {(p) => (
            <Textarea
              {...p}
              rows={2}
              value={form.bundle.description}
              onChange={(e) => update((d) => void (d.bundle.description = e.target.value))}
            />
          )}
        </Field>
        <BundleZhFields form={form} update={update} errors={errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="bundle-price" label={t("bundlePrice")} error={errors["bundle.price"]} hint={t("priceHint")}>
            {(p) => (
              <Input
                {...p}
                inputMode="decimal"
                value={form.bundle.price}
                onChange={(e) => update((d) => void (d.bundle.price = e.target.value))}
              />
            )}
          </Field>
          <Field id="bundle-currency" label={t("currency")} error={errors["bundle.currency"]}>
            {(p) => (
              <Select
                {...p}
                value={form.bundle.currency}
                onChange={(e) => update((d) => void (d.bundle.currency = e.target.value))}
              >
                {CURRENCIES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        {productList(
          "items",
          form.bundle.itemIds,
          (ids) => update((d) => void (d.bundle.itemIds = ids)),
          "bundle.itemIds",
        )}
      </Section>

      <Section title={t("landing")}>
        {/* English | 中文 side by side; the Chinese column is optional. */}
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="space-y-4">
            <Field id="hero-title" label={t("heroTitle")} error={errors["content.heroTitle"]}>
              {(p) => (
                <Input
                  {...p}
                  value={form.content.heroTitle}
                  onChange={(e) => update((d) => void (d.content.heroTitle = e.target.value))}
                />
              )}
            </Field>
            <Field id="hero-text" label={t("heroText")} error={errors["content.heroText"]}>
              {(p) => (
                <Textarea
                  {...p}
                  rows={2}
                  value={form.content.heroText}
                  onChange={(e) => update((d) => void (d.content.heroText = e.target.value))}
                />
              )}
            </Field>
            {form.content.story.map((block, i) => (
              <div key={i} className="space-y-2 rounded border border-line p-3">
                <Field
                  id={`story-${i}-heading`}
                  label={t("storyHeading", { n: i + 1 })}
                  error={errors[`content.story.${i}.heading`]}
                >
                  {(p) => (
                    <Input
                      {...p}
                      value={block.heading}
                      onChange={(e) => update((d) => void (d.content.story[i]!.heading = e.target.value))}
                    />
                  )}
                </Field>
                <Field
                  id={`story-${i}-body`}
                  label={t("storyBody", { n: i + 1 })}
                  error={errors[`content.story.${i}.body`]}
                >
                  {(p) => (
                    <Textarea
                      {...p}
                      rows={3}
                      value={block.body}
                      onChange={(e) => update((d) => void (d.content.story[i]!.body = e.target.value))}
                    />
                  )}
                </Field>
                <RowButton onClick={() => update((d) => void d.content.story.splice(i, 1))}>
                  {t("removeBlock")}
                </RowButton>
              </div>
            ))}
            <RowButton onClick={() => update((d) => void d.content.story.push({ heading: "", body: "" }))}>
              {t("addBlock")}
            </RowButton>
          </div>
          <ContentZhFields form={form} update={update} errors={errors} />
        </div>
        <h3 className="pt-2 font-medium">{t("featured")}</h3>
        {productList("featured", form.featuredIds, (ids) => update((d) => void (d.featuredIds = ids)), "featuredIds")}
      </Section>

      <Section title={t("audience")}>
        <SegmentPicker
          choices={choices.segments}
          value={form.audience.segments}
          onChange={(keys) => update((d) => void (d.audience.segments = keys))}
        />
        <fieldset>
          <legend className="text-sm font-medium">{t("locales")}</legend>
          <div className="mt-1 flex gap-4">
            {(["en", "zh"] as const).map((l) => (
              <label key={l} className="flex items-center gap-1 text-sm">
                <input
                  type="checkbox"
                  checked={form.audience.locales.includes(l)}
                  onChange={(e) =>
                    update(
                      (d) =>
                        void (d.audience.locales = e.target.checked
                          ? [...d.audience.locales, l]
                          : d.audience.locales.filter((x) => x !== l)),
                    )
                  }
                />
                {t(`locale.${l}`)}
              </label>
            ))}
          </div>
          <p className="mt-1 text-xs text-muted">{t("emptyMeansAll")}</p>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium">{t("visitors")}</legend>
          <div className="mt-1 flex gap-4">
            {(["all", "new", "returning"] as const).map((v) => (
              <label key={v} className="flex items-center gap-1 text-sm">
                <input
                  type="radio"
                  name="visitors-choice"
                  checked={form.audience.visitors === v}
                  onChange={() => update((d) => void (d.audience.visitors = v))}
                />
                {t(`visitorsChoice.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </Section>

      <Section title={t("channels")}>
        {form.channels.map((c, i) => (
          <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_1fr_auto]">
            <Field id={`channel-${i}-source`} label={t("source")} error={errors[`channels.${i}.source`]}>
              {(p) => (
                <Input
                  {...p}
                  value={c.source}
                  onChange={(e) => update((d) => void (d.channels[i]!.source = e.target.value))}
                />
              )}
            </Field>
            <Field id={`channel-${i}-budget`} label={t("budget")} error={errors[`channels.${i}.budget`]}>
              {(p) => (
                <Input
                  {...p}
                  inputMode="decimal"
                  value={c.budget}
                  onChange={(e) => update((d) => void (d.channels[i]!.budget = e.target.value))}
                />
              )}
            </Field>
            <Field id={`channel-${i}-spent`} label={t("spent")} error={errors[`channels.${i}.spent`]}>
              {(p) => (
                <Input
                  {...p}
                  inputMode="decimal"
                  value={c.spent}
                  onChange={(e) => update((d) => void (d.channels[i]!.spent = e.target.value))}
                />
              )}
            </Field>
            <RowButton onClick={() => update((d) => void d.channels.splice(i, 1))} label={t("removeRow", { n: i + 1 })}>
              ×
            </RowButton>
          </div>
        ))}
        <RowButton onClick={() => update((d) => void d.channels.push({ source: "", budget: "", spent: "0" }))}>
          {t("add")}
        </RowButton>
      </Section>

      <VariantsSection
        experiment={form.experiment}
        errors={errors}
        update={(fn) => update((d) => fn(d.experiment))}
        locks={locks}
        traffic={traffic}
        content={form.content}
      />

      <SubmitButton size="lg" pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
