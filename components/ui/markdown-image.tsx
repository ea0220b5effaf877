import { env } from "@/lib/env";
import { followableUrl, sameSiteImageSrc } from "@/lib/markdown-images";

/**
 * The <img> of user-written Markdown: drawn only when it comes from this site (lib/markdown-images.ts);
 * otherwise a link to it with its alt text, or the alt text alone, so no third party sees the reader.
 */
export function MarkdownImage({ src, alt }: { src?: string | Blob; alt?: string }) {
  const url = typeof src === "string" ? src : undefined;
  const local = sameSiteImageSrc(url, env.SITE_URL);
  const label = alt?.trim() || url || "";
  if (local) {
    // Sizes are unknown for user content; next/image would need them, and would proxy nothing here.
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={local} alt={alt ?? ""} loading="lazy" className="h-auto max-w-full" />;
  }
  const link = followableUrl(url);
  if (link) {
    return (
      <a href={link} rel="noopener noreferrer nofollow" className="text-accent underline">
        {label}
      </a>
    );
  }
  return <span>{alt ?? ""}</span>;
}
