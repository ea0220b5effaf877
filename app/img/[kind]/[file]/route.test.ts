/**
 * GET /img/<kind>/<slug>.svg draws catalogue images from stored rows: every kind a card can show
 * (course, artwork, bundle) and creators' avatars; anything else is a 404.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/db/client";
import { creators, products } from "@/db/schema";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { GET } from "./route";

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: async () => {} });
});
afterAll(() => fresh?.dispose());

const get = (kind: string, file: string) => GET(new Request(`http://localhost/img/${kind}/${file}`), { params: Promise.resolve({ kind, file }) });
const slugOf = async (kind: "course" | "artwork" | "bundle") => (await fresh.db.select({ slug: products.slug }).from(products).where(eq(products.kind, kind)).limit(1))[0]!.slug;

describe("GET /img/[kind]/[file]", () => {
  it("draws every kind of product a card shows, and avatars", async () => {
    const [creator] = await fresh.db.select({ slug: creators.slug }).from(creators).limit(1);
    for (const [kind, slug] of [["course", await slugOf("course")], ["artwork", await slugOf("artwork")], ["bundle", await slugOf("bundle")], ["avatar", creator!.slug]] as const) {
      const res = await get(kind, `${slug}.svg`);
      expect(res.status, kind).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });

  it("draws a bundle from its parts", async () => {
    const bundle = await slugOf("bundle");
    const svg = await (await get("bundle", `${bundle}.svg`)).text();
    expect(svg.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
  });

  it("answers 404 for unknown slugs, a kind mismatch, other kinds and malformed names", async () => {
    const course = await slugOf("course");
    for (const [kind, file] of [
      ["bundle", "no-such-bundle.svg"],
      ["bundle", `${course}.svg`],
      ["course", "no-such-course.svg"],
      ["avatar", "nobody.svg"],
      ["user", `${course}.svg`],
      ["course", `${course}.png`],
      ["course", "../etc/passwd.svg"],
    ]) {
      expect((await get(kind!, file!)).status, `${kind}/${file}`).toBe(404);
    }
  });

  // The image route does not look at status for any kind (studio previews show drafts): a bundle
  // that is not published answers as a course in the same state does. Runs last: it changes rows.
  it("answers for draft and archived bundles as it does for courses in the same state", async () => {
    const [course, bundle] = [await slugOf("course"), await slugOf("bundle")];
    for (const status of ["draft", "archived"] as const) {
      await fresh.db.update(products).set({ status }).where(inArray(products.slug, [course, bundle]));
      const [c, b] = [await get("course", `${course}.svg`), await get("bundle", `${bundle}.svg`)];
      expect(b.status, status).toBe(c.status);
      expect(b.headers.get("content-type"), status).toBe(c.headers.get("content-type"));
    }
  });
});
