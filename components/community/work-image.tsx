import { imageSrcSet } from "@/lib/uploads/widths";

/**
 * A community work's uploaded image, offered at its sized widths (lib/uploads/widths.ts) so the
 * browser fetches the smallest copy that fills `sizes` at the screen's density. The upload route
 * serves it, so next/image's optimizer would only add a round trip.
 */
export function WorkImage({
  url,
  width,
  height,
  alt,
  sizes,
  className,
}: {
  url: string;
  width: number;
  height: number;
  alt: string;
  sizes: string;
  className?: string;
}) {
  const srcSet = imageSrcSet(url, width);
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={url}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      alt={alt}
      width={width}
      height={height}
      loading="lazy"
      decoding="async"
      className={className}
    />
  );
}
