/**
 * GET /img/<kind>/<slug>.svg draws catalogue images from stored rows: every kind a card can show
 * (course, artwork, bundle) and creators' avatars; anything else is a 404. A draft or archived
 * product's image is for its owner and staff only.
 */
import { and, eq, inArray, isNotNull, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { useDatabase } from "@/db/client";
import { bundleItems, creators, products, users } from "@/db/schema";
import type { AccountUser } from "@/lib/auth/accounts";
import { freshDatabase, type FreshDb } from "@/test/fresh-db";
import { GET } from "./route";

const session = vi.hoisted(() => ({ user: null as AccountUser | null, reads: 0 }));
vi.mock("@/lib/server/session", () => ({
  getCurrentUser: async () => {
    session.reads += 1;
    return session.user;
  },
}));

let fresh: FreshDb;
beforeAll(async () => {
  fresh = await freshDatabase({ seed: true });
  useDatabase({ db: fresh.db, driver: fresh.driver, close: async () => {} });
});
afterAll(() => fresh?.dispose());

const get = (kind: string, file: string) =>
  GET(new Request(`http://localhost/img/${kind}/${file}`), { params: Promise.resolve({ kind, file }) });
const slugOf = async (kind: "course" | "artwork" | "bundle") =>
  (await fresh.db.select({ slug: products.slug }).from(products).where(eq(products.kind, kind)).limit(1))[0]!.slug;

describe("GET /img/[kind]/[file]", () => {
  it("draws every kind of product a card shows, and avatars", async () => {
    const [creator] = await fresh.db.select({ slug: creators.slug }).from(creators).limit(1);
    for (const [kind, slug] of [
      ["course", await slugOf("course")],
      ["artwork", await slugOf("artwork")],
      ["bundle", await slugOf("bundle")],
      ["avatar", creator!.slug],
    ] as const) {
      const res = await get(kind, `${slug}.svg`);
      expect(res.status, kind).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    }
  });

  it("draws the title in the page's language when the URL asks for Chinese", async () => {
    const draw = async (query: string) =>
      (
        await GET(new Request(`http://localhost/img/course/ink-painting-first-strokes.svg${query}`), {
          params: Promise.resolve({ kind: "course", file: "ink-painting-first-strokes.svg" }),
        })
      ).text();
    const [en, zh] = await Promise.all([draw(""), draw("?lang=zh")]);
    expect(en).toContain("<title>Ink painting: first strokes</title>");
    expect(en).toContain("INK PAINTING");
    expect(zh).toContain("<title>水墨画入门：第一笔</title>");
    expect(zh).toContain("水墨画</text>");
    expect(zh).not.toContain("INK PAINTING");
  });

  it("draws a creator's monogram from their name in the page's language", async () => {
    const draw = async (query: string) =>
      (
        await GET(new Request(`http://localhost/img/avatar/lin-mei.svg${query}`), {
          params: Promise.resolve({ kind: "avatar", file: "lin-mei.svg" }),
        })
      ).text();
    const [en, zh] = await Promise.all([draw(""), draw("?lang=zh")]);
    expect(en).toMatch(/>LM<\/text>/);
    expect(zh).toMatch(/>林<\/text>/);
  });

  it("answers a repeat request for an unchanged drawing with a 304 by its ETag", async () => {
    const course = await slugOf("course");
    const first = await get("course", `${course}.svg`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers.get("cache-control")).toContain("public");
    const again = (ifNoneMatch: string) =>
      GET(new Request(`http://localhost/img/course/${course}.svg`, { headers: { "if-none-match": ifNoneMatch } }), {
        params: Promise.resolve({ kind: "course", file: `${course}.svg` }),
      });
    const notModified = await again(`W/"other", ${etag}`);
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    expect(notModified.headers.get("etag")).toBe(etag);
    // Another language is another drawing: its own ETag, so a cached English cover is not reused.
    const zh = await GET(
      new Request(`http://localhost/img/course/${course}.svg?lang=zh`, { headers: { "if-none-match": etag! } }),
      { params: Promise.resolve({ kind: "course", file: `${course}.svg` }) },
    );
    expect(zh.status).toBe(200);
    expect((await again('"stale"')).status).toBe(200);
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

  it("reads no session for a published product's image, and lets shared caches keep it", async () => {
    session.reads = 0;
    const res = await get("course", `${await slugOf("course")}.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    expect(session.reads).toBe(0);
  });

  describe("a draft or archived product", () => {
    const asUser = (user: AccountUser | null) => {
      session.user = user;
    };
    type Row = {
      id: string;
      slug: string;
      title: string;
      ownerUserId: string;
      status: "draft" | "archived" | "published";
    };
    const productOf = async (kind: "course" | "artwork" | "bundle", offset = 0): Promise<Row> => {
      const [row] = await fresh.db
        .select({
          id: products.id,
          slug: products.slug,
          title: products.title,
          status: products.status,
          ownerUserId: creators.userId,
        })
        .from(products)
        .innerJoin(creators, eq(creators.id, products.creatorId))
        .where(and(eq(products.kind, kind), eq(products.status, "published"), isNotNull(creators.userId)))
        .orderBy(products.slug)
        .limit(1)
        .offset(offset);
      return { ...row!, ownerUserId: row!.ownerUserId! };
    };
    const setStatus = (id: string, status: Row["status"]) =>
      fresh.db.update(products).set({ status }).where(eq(products.id, id));
    const userWithRole = async (role: AccountUser["role"], not?: string): Promise<AccountUser> => {
      const [u] = await fresh.db
        .select({ id: users.id, email: users.email, name: users.name, role: users.role })
        .from(users)
        .where(and(eq(users.role, role), ne(users.id, not ?? "")));
      if (u) return { ...u, email: u.email ?? "" };
      const [made] = await fresh.db
        .insert(users)
        .values({ email: `${role}-img@test.example`, role })
        .returning();
      return { id: made!.id, email: made!.email ?? "", name: made!.name, role };
    };

    it("is a 404 for visitors and other users, but drawn for its owner, admins and marketers", async () => {
      for (const kind of ["course", "artwork", "bundle"] as const) {
        const product = await productOf(kind);
        const owner: AccountUser = {
          id: product.ownerUserId,
          email: "owner@test.example",
          name: null,
          role: "creator",
        };
        const stranger = await userWithRole("consumer", product.ownerUserId);
        const otherCreator: AccountUser = { ...(await userWithRole("creator", product.ownerUserId)) };
        for (const status of ["draft", "archived"] as const) {
          await setStatus(product.id, status);
          try {
            for (const [who, user] of [
              ["visitor", null],
              ["consumer", stranger],
              ["other creator", otherCreator],
            ] as const) {
              asUser(user);
              const res = await get(kind, `${product.slug}.svg`);
              expect(res.status, `${kind} ${status} ${who}`).toBe(404);
              expect(await res.text()).not.toContain(product.title);
            }
            for (const [who, user] of [
              ["owner", owner],
              ["admin", await userWithRole("admin")],
              ["marketer", await userWithRole("marketer")],
            ] as const) {
              asUser(user);
              const res = await get(kind, `${product.slug}.svg`);
              expect(res.status, `${kind} ${status} ${who}`).toBe(200);
              expect(res.headers.get("cache-control"), `${kind} ${status} ${who}`).toBe("private, no-store");
            }
          } finally {
            await setStatus(product.id, "published");
            asUser(null);
          }
        }
      }
    });

    it("keeps its title off the cover of a published bundle that contains it, except for its owner", async () => {
      const bundle = await productOf("bundle");
      const [part] = await fresh.db
        .select({ id: products.id, title: products.title, ownerUserId: creators.userId })
        .from(bundleItems)
        .innerJoin(products, eq(products.id, bundleItems.productId))
        .innerJoin(creators, eq(creators.id, products.creatorId))
        .where(eq(bundleItems.bundleId, bundle.id))
        .limit(1);
      // The text a reader of the SVG gets: long titles wrap over several <tspan>s.
      const cover = async () =>
        (await (await get("bundle", `${bundle.slug}.svg`)).text())
          .replace(/<\/tspan>\s*<tspan[^>]*>/g, " ")
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ");
      const escaped = part!.title.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
      asUser(null);
      expect(await cover()).toContain(escaped);
      await setStatus(part!.id, "draft");
      try {
        expect(await cover()).not.toContain(escaped);
        const res = await get("bundle", `${bundle.slug}.svg`);
        expect(res.headers.get("cache-control")).toBe("private, no-store");
        if (part!.ownerUserId) {
          asUser({ id: part!.ownerUserId, email: "owner@test.example", name: null, role: "creator" });
          expect(await cover()).toContain(escaped);
        }
      } finally {
        await setStatus(part!.id, "published");
        asUser(null);
      }
    });
  });

  // A bundle that is not published answers as a course in the same state does. Runs last: it changes rows.
  it("answers for draft and archived bundles as it does for courses in the same state", async () => {
    const [course, bundle] = [await slugOf("course"), await slugOf("bundle")];
    for (const status of ["draft", "archived"] as const) {
      await fresh.db
        .update(products)
        .set({ status })
        .where(inArray(products.slug, [course, bundle]));
      const [c, b] = [await get("course", `${course}.svg`), await get("bundle", `${bundle}.svg`)];
      expect(b.status, status).toBe(c.status);
      expect(b.headers.get("content-type"), status).toBe(c.headers.get("content-type"));
    }
  });
});
