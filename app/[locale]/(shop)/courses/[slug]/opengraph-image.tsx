import { brandCardImage, SHARE_CARD_SIZE, shareCardImage } from "@/components/og/share-card";
import { getCourseBySlug } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";

export const alt = "Atelier course";
export const size = SHARE_CARD_SIZE;
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const course = await getCourseBySlug({ slug: (await params).slug, locale: "en" });
  if (!course) return brandCardImage();
  return shareCardImage({
    eyebrow: `Course · ${course.lessonCount} lessons · ${course.level}`,
    title: course.title,
    footer: course.creator.name,
    price: formatMoney({ amount: course.priceAmount, currency: course.currency }, "en-US"),
  });
}
