import { getTranslations } from "next-intl/server";
import { currencyExponent } from "@/lib/money";
import type { StudioProductDetail } from "@/lib/commerce/studio-products";
import { artworkConditionEnum } from "@/db/schema";
import { Bilingual, BilingualHeadings } from "./bilingual";
import { Checkbox } from "./checkbox";
import { Field, Select, TextArea } from "./field";

const major = (amount: number, currency: string) =>
  (amount / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));

/** The fields of a course or artwork, filled from `product` when editing. */
export async function ProductFields({ kind, product }: { kind: "course" | "artwork"; product?: StudioProductDetail }) {
  const [t, tc] = await Promise.all([getTranslations("studioProducts"), getTranslations("artwork")]);
  const currency = product?.currency ?? "USD";
  const a = product?.artwork;
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="currency" value={currency} />
      <BilingualHeadings />
      <Bilingual
        en={
          <>
            <Field name="title" label={t("fields.title")} defaultValue={product?.title} required />
            <Field name="subtitle" label={t("fields.subtitle")} defaultValue={product?.subtitle} />
            <TextArea name="description" label={t("fields.description")} defaultValue={product?.description} />
          </>
        }
        zh={
          <>
            <Field name="titleZh" label={t("fields.titleZh")} defaultValue={product?.titleZh} lang="zh" />
            <Field name="subtitleZh" label={t("fields.subtitleZh")} defaultValue={product?.subtitleZh} lang="zh" />
            <TextArea
              name="descriptionZh"
              label={t("fields.descriptionZh")}
              defaultValue={product?.descriptionZh}
              lang="zh"
            />
          </>
        }
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="price"
          label={t("fields.priceIn", { currency })}
          defaultValue={product ? major(product.priceAmount, currency) : ""}
          inputMode="decimal"
          required
        />
        <Select
          name="status"
          label={t("fields.status")}
          defaultValue={product?.status ?? "draft"}
          options={(["draft", "published", "archived"] as const).map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </div>
      {kind === "course" ? (
        <Select
          name="level"
          label={t("fields.level")}
          defaultValue={product?.level ?? "beginner"}
          options={(["beginner", "intermediate", "advanced"] as const).map((l) => ({
            value: l,
            label: t(`level.${l}`),
          }))}
        />
      ) : (
        <>
          <Bilingual
            en={<Field name="medium" label={t("fields.medium")} defaultValue={a?.medium} required />}
            zh={<Field name="mediumZh" label={t("fields.mediumZh")} defaultValue={a?.mediumZh} lang="zh" />}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="widthCm"
              label={t("fields.widthCm")}
              type="number"
              step="0.1"
              defaultValue={a ? a.widthMm / 10 : ""}
              required
            />
            <Field
              name="heightCm"
              label={t("fields.heightCm")}
              type="number"
              step="0.1"
              defaultValue={a ? a.heightMm / 10 : ""}
              required
            />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              name="year"
              label={t("fields.year")}
              type="number"
              defaultValue={a?.year ?? new Date().getFullYear()}
              required
            />
            <Field
              name="editionSize"
              label={t("fields.editionSize")}
              type="number"
              defaultValue={a?.editionSize ?? 1}
              hint={t("editionHint")}
              required
            />
            <Field
              name="stock"
              label={t("fields.stock")}
              type="number"
              defaultValue={a?.stock ?? 1}
              hint={product ? t("soldHint", { sold: product.soldPieces }) : undefined}
              required
            />
          </div>
          {a && <input type="hidden" name="expectedStock" value={a.stock} />}
          <Bilingual
            en={<TextArea name="provenance" label={t("fields.provenance")} defaultValue={a?.provenance} rows={2} />}
            zh={
              <TextArea
                name="provenanceZh"
                label={t("fields.provenanceZh")}
                defaultValue={a?.provenanceZh}
                rows={2}
                lang="zh"
              />
            }
          />
          <div className="grid items-end gap-4 sm:grid-cols-2">
            <Select
              name="condition"
              label={t("fields.condition")}
              defaultValue={a?.condition ?? ""}
              options={[
                { value: "", label: t("conditionUnstated") },
                ...artworkConditionEnum.enumValues.map((c) => ({ value: c, label: tc(`conditions.${c}`) })),
              ]}
            />
            <Checkbox name="certificate" label={t("fields.certificate")} defaultChecked={a?.certificate ?? false} />
          </div>
        </>
      )}
    </>
  );
}
