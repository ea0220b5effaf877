/**
 * Campaign landing content in Chinese (issue 17): the editor's 中文 column is stored as content_zh and
 * the bundle's Chinese twins, read back into the form, shown on Chinese landing pages, and left alone by
 * a save that does not send it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase, type Db } from "@/db/client";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { demoCampaignInput } from "./fixtures";
import { getLandingCampaignBySlug } from "./landing";
import { getCampaignForEdit } from "./queries";
import { createCampaign, updateCampaign } from "./store";

let fresh: FreshDb;
let db: Db;
beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  db = fresh.db;
  useDatabase({ db, driver: fresh.driver, close: async () => {} });
});
afterAll(() => fresh?.dispose());

const zhContent = {
  heroTitle: "春日水墨课",
  heroText: "一门课，一件作品。",
  story: [
    { heading: "为什么", body: "因为好看。" },
    { heading: "", body: "" },
  ],
};

describe("campaign content in Chinese", () => {
  it("stores the Chinese column, drops blank blocks, and shows it on a Chinese landing page", async () => {
    const base = demoCampaignInput();
    const input = demoCampaignInput({
      slug: "spring-ink",
      name: "Spring ink",
      bundle: { ...base.bundle, titleZh: "春日套餐", descriptionZh: "" },
      contentZh: zhContent,
    });
    const created = await createCampaign(db, input, { userId: null });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const zh = await getLandingCampaignBySlug({ slug: "spring-ink", locale: "zh" });
    expect(zh?.content).toEqual({ ...zhContent, story: [zhContent.story[0]] });
    expect(zh?.bundle).toMatchObject({ title: "春日套餐", fallback: { description: "en" } });
    const edit = await getCampaignForEdit(db, created.id);
    expect(edit?.input.contentZh?.heroTitle).toBe("春日水墨课");
    expect(edit?.input.bundle.titleZh).toBe("春日套餐");

    // A save without the Chinese fields (an English-only caller) keeps them.
    const { contentZh: _omit, ...english } = input;
    expect((await updateCampaign(db, created.id, { ...english, name: "Spring ink 2" })).ok).toBe(true);
    expect((await getLandingCampaignBySlug({ slug: "spring-ink", locale: "zh" }))?.content.heroTitle).toBe(
      "春日水墨课",
    );

    // Emptied in the editor: no Chinese landing content, the page falls back to English, marked.
    const cleared = { ...input, contentZh: { heroTitle: "", heroText: "", story: [] } };
    expect((await updateCampaign(db, created.id, cleared)).ok).toBe(true);
    const fallback = await getLandingCampaignBySlug({ slug: "spring-ink", locale: "zh" });
    expect(fallback).toMatchObject({ contentFallback: "en", content: { heroTitle: base.content.heroTitle } });
  });

  it("rejects an over-long Chinese title with a field error", async () => {
    const result = await createCampaign(
      db,
      demoCampaignInput({ slug: "too-long", contentZh: { ...zhContent, heroTitle: "长".repeat(121) } }),
      { userId: null },
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { "contentZh.heroTitle": "too_long" } });
  });

  it("keeps each variant's Chinese copy: shown on a Chinese page, marked English where none was written", async () => {
    const base = demoCampaignInput();
    const [control, treatment] = base.experiment.variants;
    const zhCopy = { headline: "立省 70 美元", heroText: "", body: "", offer: "免费装框", cta: "购买套餐" };
    const input = demoCampaignInput({
      slug: "variant-zh",
      experiment: {
        ...base.experiment,
        variants: [
          { ...control!, contentZh: { headline: "", heroText: "", body: "", offer: "", cta: "" } },
          { ...treatment!, contentZh: zhCopy },
        ],
      },
    });
    const created = await createCampaign(db, input, { userId: null });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const zhVariants = (await getLandingCampaignBySlug({ slug: "variant-zh", locale: "zh" }))?.experiment.variants;
    expect(zhVariants?.[1]).toMatchObject({ content: zhCopy });
    expect(zhVariants?.[1]).not.toHaveProperty("contentFallback");
    // All blank is no Chinese copy at all: the English one, marked.
    expect(zhVariants?.[0]).toMatchObject({ content: control!.content, contentFallback: "en" });
    const en = (await getLandingCampaignBySlug({ slug: "variant-zh", locale: "en" }))?.experiment.variants;
    expect(en?.[1]).toMatchObject({ content: treatment!.content });
    expect(en?.[1]).not.toHaveProperty("contentFallback");
    const edit = await getCampaignForEdit(db, created.id);
    expect(edit?.input.experiment.variants[1]?.contentZh).toEqual(zhCopy);

    // A save without the Chinese copy (an English-only caller) keeps it.
    const english = {
      ...input,
      experiment: { ...input.experiment, variants: [control!, treatment!] },
    };
    expect((await updateCampaign(db, created.id, english)).ok).toBe(true);
    const kept = await getLandingCampaignBySlug({ slug: "variant-zh", locale: "zh" });
    expect(kept?.experiment.variants[1]?.content.headline).toBe("立省 70 美元");
  });

  it("names an over-long Chinese variant field by its own error path", async () => {
    const base = demoCampaignInput();
    const variants = base.experiment.variants.map((v, i) =>
      i === 1 ? { ...v, contentZh: { ...v.content, cta: "买".repeat(41) } } : v,
    );
    const result = await createCampaign(
      db,
      demoCampaignInput({ slug: "variant-too-long", experiment: { ...base.experiment, variants } }),
      { userId: null },
    );
    expect(result).toMatchObject({ ok: false, fieldErrors: { "experiment.variants.1.contentZh.cta": "too_long" } });
  });
});
