import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { fieldTarget } from "./field-labels";

const form = en.campaigns.form as Record<string, unknown>;
const message = (key: string) =>
  key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], form);

describe("fieldTarget", () => {
  it("names array entries by the form's labels and points at their controls", () => {
    expect(fieldTarget("partnerIds.0")).toEqual({ id: "partner-0", label: [{ key: "partner", values: { n: 1 } }] });
    expect(fieldTarget("bundle.itemIds.1")).toEqual({
      id: "items-1",
      label: [{ key: "bundleItem", values: { n: 2 } }],
    });
    expect(fieldTarget("content.story.0.heading")).toEqual({
      id: "story-0-heading",
      label: [{ key: "storyHeading", values: { n: 1 } }],
    });
    expect(fieldTarget("content.story.2.body").id).toBe("story-2-body");
    expect(fieldTarget("experiment.variants.0.key")).toEqual({
      id: "variant-0-key",
      label: [{ key: "controlVariant" }, { key: "variantKey" }],
    });
    expect(fieldTarget("experiment.variants.2.content.cta")).toEqual({
      id: "variant-2-cta",
      label: [{ key: "variantN", values: { n: 2 } }, { key: "variantField.cta" }],
    });
    expect(fieldTarget("experiment.variants.1.contentZh.headline")).toEqual({
      id: "variant-1-headline-zh",
      label: [{ key: "variantN", values: { n: 1 } }, { key: "variantFieldZh.headline" }],
    });
    expect(fieldTarget("channels.1.budget")).toEqual({
      id: "channel-1-budget",
      label: [{ key: "channelN", values: { n: 2 } }, { key: "budget" }],
    });
  });

  it("gives every error path the form can produce a label that exists in the catalogue", () => {
    const paths = [
      "bundle.titleZh",
      "bundle.descriptionZh",
      "contentZh.heroTitle",
      "contentZh.heroText",
      "contentZh.story.1.heading",
      "contentZh.story.0.body",
      "name",
      "slug",
      "startsAt",
      "endsAt",
      "partnerIds",
      "partnerIds.3",
      "bundle.title",
      "bundle.description",
      "bundle.price",
      "bundle.currency",
      "bundle.itemIds",
      "bundle.itemIds.0",
      "featuredIds.4",
      "content.heroTitle",
      "content.heroText",
      "content.story",
      "content.story.1.heading",
      "audience.segments.0",
      "audience.locales.1",
      "channels.0.source",
      "channels.2.spent",
      "experiment.coverage",
      "experiment.cadenceMinutes",
      "experiment.variants",
      "experiment.variants.1.weight",
      "experiment.variants.1.name",
      "experiment.variants.1.contentZh.offer",
      "experiment.sequentialTuning",
      "experiment.minDetectableEffect",
      "experiment.aa",
      "form",
      "something.unexpected",
    ];
    for (const path of paths) {
      const target = fieldTarget(path);
      expect(target.label.length, path).toBeGreaterThan(0);
      for (const part of target.label) expect(typeof message(part.key), `${path}: ${part.key}`).toBe("string");
      // The label is what a marketer reads, never the payload path.
      if (path.includes(".")) expect(JSON.stringify(target.label)).not.toContain(path);
    }
  });
});
