import { z } from "zod";
import { bundleCoverSvg, type BundlePart } from "@/lib/art/bundle";
import { getBundleImageInfo, getCreatorBySlug, getProductImageInfo } from "@/lib/catalog/products";
import { artworkSvg, avatarSvg, courseCoverSvg } from "@/lib/art/svg";

const paramsSchema = z.object({
  kind: z.enum(["course", "artwork", "bundle", "avatar"]),
  file: z.string().regex(/^[a-z0-9-]{1,120}\.svg$/),
});

function svgResponse(svg: string): Response {
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      // Generated from stable seeds: safe to cache for a day and serve stale while refreshing.
      "cache-control": "public, max-age=86400, stale-while-revalidate=604800",
      "x-content-type-options": "nosniff",
      // An SVG opened directly must not run scripts, whatever its content.
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}

/** Procedural images for products and creators, drawn on the server from each row's seed. */
export async function GET(_req: Request, ctx: { params: Promise<{ kind: string; file: string }> }) {
  const parsed = paramsSchema.safeParse(await ctx.params);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const { kind, file } = parsed.data;
  const slug = file.slice(0, -4);
  if (kind === "avatar") {
    const creator = await getCreatorBySlug({ slug });
    if (!creator) return new Response("Not found", { status: 404 });
    let seed = 0;
    for (const ch of creator.slug) seed = (seed * 31 + ch.charCodeAt(0)) >>> 0;
    return svgResponse(avatarSvg({ seed, name: creator.name }));
  }
  if (kind === "bundle") {
    const bundle = await getBundleImageInfo({ slug });
    if (!bundle) return new Response("Not found", { status: 404 });
    const parts = bundle.parts.flatMap((p): BundlePart[] => {
      const topic = p.topic ?? "abstract";
      if (p.kind === "course") return [{ kind: "course", seed: p.imageSeed, title: p.title, topic, level: p.level ?? "beginner" }];
      if (p.kind === "artwork") return [{ kind: "artwork", seed: p.imageSeed, title: p.title, topic, medium: p.medium ?? "" }];
      return [];
    });
    return svgResponse(bundleCoverSvg({ seed: bundle.imageSeed, title: bundle.title, parts }));
  }
  const info = await getProductImageInfo({ kind, slug });
  if (!info) return new Response("Not found", { status: 404 });
  const topic = info.topic ?? "abstract";
  return svgResponse(
    kind === "course"
      ? courseCoverSvg({ seed: info.imageSeed, title: info.title, topic, level: info.level ?? "beginner" })
      : artworkSvg({ seed: info.imageSeed, title: info.title, topic, medium: info.medium ?? "" }),
  );
}
