/**
 * Where a field error belongs on the campaign form: the id of its control (for a link to it) and its
 * label as message keys of `campaigns.form`, so the error summary reads "Bundle item 1: unknown product"
 * instead of "bundle.itemIds.0". Pure, so the mapping is tested without rendering the form.
 */

/** A label part: a key of campaigns.form with its values; several parts are joined with " · ". */
export type LabelPart = { key: string; values?: Record<string, number> };
export type FieldTarget = { id: string | null; label: LabelPart[] };

const SIMPLE: Record<string, FieldTarget> = {
  name: { id: "name", label: [{ key: "name" }] },
  slug: { id: "slug", label: [{ key: "slug" }] },
  startsAt: { id: "startsAt", label: [{ key: "startsAt" }] },
  endsAt: { id: "endsAt", label: [{ key: "endsAt" }] },
  partnerIds: { id: "partner-0", label: [{ key: "partners" }] },
  "bundle.title": { id: "bundle-title", label: [{ key: "bundleTitle" }] },
  "bundle.description": { id: "bundle-description", label: [{ key: "bundleDescription" }] },
  "bundle.price": { id: "bundle-price", label: [{ key: "bundlePrice" }] },
  "bundle.currency": { id: "bundle-currency", label: [{ key: "currency" }] },
  "bundle.itemIds": { id: "items-0", label: [{ key: "bundle" }] },
  featuredIds: { id: null, label: [{ key: "featured" }] },
  "content.heroTitle": { id: "hero-title", label: [{ key: "heroTitle" }] },
  "content.heroText": { id: "hero-text", label: [{ key: "heroText" }] },
  "content.story": { id: null, label: [{ key: "landing" }] },
  "bundle.titleZh": { id: "bundle-title-zh", label: [{ key: "bundleTitleZh" }] },
  "bundle.descriptionZh": { id: "bundle-description-zh", label: [{ key: "bundleDescriptionZh" }] },
  "contentZh.heroTitle": { id: "hero-title-zh", label: [{ key: "heroTitleZh" }] },
  "contentZh.heroText": { id: "hero-text-zh", label: [{ key: "heroTextZh" }] },
  "contentZh.story": { id: null, label: [{ key: "landing" }] },
  "audience.segments": { id: null, label: [{ key: "segments" }] },
  "audience.locales": { id: null, label: [{ key: "locales" }] },
  "audience.visitors": { id: null, label: [{ key: "visitors" }] },
  channels: { id: null, label: [{ key: "channels" }] },
  "experiment.mode": { id: null, label: [{ key: "mode" }] },
  "experiment.coverage": { id: "coverage", label: [{ key: "coverage" }] },
  "experiment.cadenceMinutes": { id: "cadence", label: [{ key: "cadence" }] },
  "experiment.variants": { id: null, label: [{ key: "experiment" }] },
  "experiment.sequentialTuning": { id: "sequential-tuning", label: [{ key: "sequentialTuning" }] },
  "experiment.minDetectableEffect": { id: "mde", label: [{ key: "mde" }] },
  "experiment.primaryMetric": { id: "primary-metric", label: [{ key: "primaryMetric" }] },
  "experiment.aa": { id: "aa", label: [{ key: "aaMode" }] },
};

const CHANNEL_FIELDS: Record<string, string> = { source: "source", budget: "budget", spent: "spent" };
const VARIANT_FIELDS: Record<string, string> = { key: "variantKey", name: "variantName", weight: "weight" };
const CONTENT_FIELDS = new Set(["headline", "heroText", "body", "offer", "cta"]);

export function fieldTarget(path: string): FieldTarget {
  const simple = SIMPLE[path];
  if (simple) return simple;
  const parts = path.split(".");
  const index = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : null);
  let m: number | null;
  if (parts[0] === "partnerIds" && (m = index(parts[1])) !== null)
    return { id: `partner-${m}`, label: [{ key: "partner", values: { n: m + 1 } }] };
  if (path.startsWith("bundle.itemIds.") && (m = index(parts[2])) !== null)
    return { id: `items-${m}`, label: [{ key: "bundleItem", values: { n: m + 1 } }] };
  if (parts[0] === "featuredIds" && (m = index(parts[1])) !== null)
    return { id: `featured-${m}`, label: [{ key: "featuredItem", values: { n: m + 1 } }] };
  if (path.startsWith("content.story.") && (m = index(parts[2])) !== null) {
    const heading = parts[3] !== "body";
    return {
      id: `story-${m}-${heading ? "heading" : "body"}`,
      label: [{ key: heading ? "storyHeading" : "storyBody", values: { n: m + 1 } }],
    };
  }
  if (path.startsWith("contentZh.story.") && (m = index(parts[2])) !== null) {
    const heading = parts[3] !== "body";
    return {
      id: `story-zh-${m}-${heading ? "heading" : "body"}`,
      label: [{ key: heading ? "storyHeadingZh" : "storyBodyZh", values: { n: m + 1 } }],
    };
  }
  if (parts[0] === "channels" && (m = index(parts[1])) !== null) {
    const field = CHANNEL_FIELDS[parts[2] ?? ""] ?? "source";
    return { id: `channel-${m}-${field}`, label: [{ key: "channelN", values: { n: m + 1 } }, { key: field }] };
  }
  if (path.startsWith("audience.segments.")) return SIMPLE["audience.segments"] as FieldTarget;
  if (path.startsWith("audience.locales.")) return SIMPLE["audience.locales"] as FieldTarget;
  if (path.startsWith("experiment.variants.") && (m = index(parts[2])) !== null) {
    const variant: LabelPart = m === 0 ? { key: "controlVariant" } : { key: "variantN", values: { n: m } };
    const field = parts[3] ?? "";
    if (VARIANT_FIELDS[field])
      return { id: `variant-${m}-${field}`, label: [variant, { key: VARIANT_FIELDS[field] as string }] };
    if (field === "content" && CONTENT_FIELDS.has(parts[4] ?? ""))
      return { id: `variant-${m}-${parts[4]}`, label: [variant, { key: `variantField.${parts[4]}` }] };
    if (field === "contentZh" && CONTENT_FIELDS.has(parts[4] ?? ""))
      return { id: `variant-${m}-${parts[4]}-zh`, label: [variant, { key: `variantFieldZh.${parts[4]}` }] };
    return { id: null, label: [variant] };
  }
  return { id: null, label: [{ key: "general" }] };
}
