import { createHash } from "node:crypto";
import { z } from "zod";
import { bundleCoverSvg, type BundlePart } from "@/lib/art/bundle";
import { getBundleImageInfo, getCreatorBySlug, getProductImageInfo } from "@/lib/catalog/products";
import { artworkSvg, avatarSvg, courseCoverSvg } from "@/lib/art/svg";
import type { AccountUser } from "@/lib/auth/accounts";
import { getCurrentUser } from "@/lib/server/session";

const paramsSchema = z.object({
  kind: z.enum(["course", "artwork", "bundle", "avatar"]),
  file: z.string().regex(/^[a-z0-9-]{1,120}\.svg$/),
});

const notFound = () => new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * Draft and archived products are not public: their cover carries the title, so it is a 404 like their
 * page, except for the creator who owns it and staff (admins moderate, marketers assemble campaigns
 * from the catalogue). The session is only read for such a product: public covers stay cheap.
 */
type Viewer = { get: () => Promise<AccountUser | null> };
const STAFF = new Set(["admin", "marketer"]);

async function maySee(item: { status: string; ownerUserId: string | null }, viewer: Viewer): Promise<boolean> {
  if (item.status === "published") return true;
  const user = await viewer.get();
  return user !== null && (STAFF.has(user.role) || (item.ownerUserId !== null && user.id === item.ownerUserId));
}

/** A strong validator of the drawing itself: a cover redrawn after an edit gets a new one. */
function etagOf(svg: string): string {
  return `"${createHash("sha1").update(svg).digest("base64url")}"`;
}

/** Whether the client's cached copy (If-None-Match, possibly a list or `*`) is this drawing. */
function stillFresh(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  return header.trim() === "*" || header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function svgResponse(request: Request, svg: string, isPublic = true): Response {
  const etag = etagOf(svg);
  const headers = {
    "content-type": "image/svg+xml; charset=utf-8",
    // Generated from stable seeds: safe to cache for a day and serve stale for a week while refreshing
    // (revalidation is a 304 by ETag). A non-public product's cover is for one viewer: never in a
    // shared cache.
    "cache-control": isPublic ? "public, max-age=86400, stale-while-revalidate=604800" : "private, no-store",
    etag,
    "x-content-type-options": "nosniff",
    // An SVG opened directly must not run scripts, whatever its content.
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  };
  if (stillFresh(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(svg, { headers });
}

/** Procedural images for products and creators, drawn on the server from each row's seed. */
export async function GET(req: Request, ctx: { params: Promise<{ kind: string; file: string }> }) {
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return notFound();
  const { kind, file } = parsed.data;
  // `?lang=zh` draws the Chinese title (falling back to the English one where none was written). The
  // language is in the URL rather than read from the cookie, so it is part of every cache's key.
  const zh = new URL(req.url).searchParams.get("lang") === "zh";
  const lang = zh ? ("zh" as const) : ("en" as const);
  const pick = (en: string, other: string | null) => (zh && other ? other : en);
  const slug = file.slice(0, -4);
  let user: Promise<AccountUser | null> | undefined;
  const viewer: Viewer = { get: () => (user ??= getCurrentUser()) };
  if (kind === "avatar") {
    const creator = await getCreatorBySlug({ slug, locale: lang });
    if (!creator) return notFound();
    let seed = 0;
    for (const ch of creator.slug) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
    return svgResponse(req, avatarSvg({ seed, name: creator.name }));
  }
  if (kind === "bundle") {
    const bundle = await getBundleImageInfo({ slug });
    if (!bundle || !(await maySee(bundle, viewer))) return notFound();
    // A published bundle may still hold a part that is a draft again: its title stays off the cover.
    const visible: typeof bundle.parts = [];
    for (const p of bundle.parts) if (await maySee(p, viewer)) visible.push(p);
    const parts = visible.flatMap((p): BundlePart[] => {
      const topic = p.topic ?? "abstract";
      if (p.kind === "course")
        return [
          {
            kind: "course",
            seed: p.imageSeed,
            title: pick(p.title, p.titleZh),
            topic,
            level: p.level ?? "beginner",
            lang,
          },
        ];
      if (p.kind === "artwork")
        return [
          {
            kind: "artwork",
            seed: p.imageSeed,
            title: pick(p.title, p.titleZh),
            topic,
            medium: pick(p.medium ?? "", p.mediumZh),
          },
        ];
      return [];
    });
    const isPublic = bundle.status === "published" && visible.length === bundle.parts.length;
    return svgResponse(
      req,
      bundleCoverSvg({ seed: bundle.imageSeed, title: pick(bundle.title, bundle.titleZh), parts }),
      isPublic,
    );
  }
  const info = await getProductImageInfo({ kind, slug });
  if (!info || !(await maySee(info, viewer))) return notFound();
  const topic = info.topic ?? "abstract";
  return svgResponse(
    req,
    kind === "course"
      ? courseCoverSvg({
          seed: info.imageSeed,
          title: pick(info.title, info.titleZh),
          topic,
          level: info.level ?? "beginner",
          lang,
        })
      : artworkSvg({
          seed: info.imageSeed,
          title: pick(info.title, info.titleZh),
          topic,
          medium: pick(info.medium ?? "", info.mediumZh),
        }),
    info.status === "published",
  );
}
