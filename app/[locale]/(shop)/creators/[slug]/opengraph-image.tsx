import { brandCardImage, SHARE_CARD_SIZE, shareCardImage } from "@/components/og/share-card";
import { getCreatorBySlug } from "@/lib/catalog/products";

export const alt = "Atelier creator";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

const KIND = { instructor: "Instructor", artist: "Artist", gallery: "Gallery" } as const;

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const creator = await getCreatorBySlug({ slug: (await params).slug, locale: "en" });
  if (!creator) return brandCardImage();
  return shareCardImage({
    eyebrow: [KIND[creator.kind], creator.location].filter(Boolean).join(" · "),
    title: creator.name,
    footer: creator.bio.length > 90 ? `${creator.bio.slice(0, 87)}…` : creator.bio,
  });
}
