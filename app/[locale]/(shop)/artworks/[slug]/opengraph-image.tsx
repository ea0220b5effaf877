import { brandCardImage, SHARE_CARD_SIZE, shareCardImage } from "@/components/og/share-card";
import { getArtworkBySlug } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";

export const alt = "Atelier artwork";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const art = await getArtworkBySlug({ slug: (await params).slug, locale: "en" });
  if (!art) return brandCardImage();
  const edition = art.editionSize ? `Edition of ${art.editionSize}` : "Unique original";
  return shareCardImage({
    eyebrow: [art.medium, art.year, edition].filter(Boolean).join(" · "),
    title: art.title,
    footer: art.creator.name,
    price: formatMoney({ amount: art.priceAmount, currency: art.currency }, "en-US"),
  });
}
