import { ImageResponse } from "next/og";

export const SHARE_CARD_SIZE = { width: 1200, height: 630 };

export type ShareCard = {
  /** Small capitals above the title: the kind of page, the partners. */
  eyebrow: string;
  title: string;
  /** Bottom left (a creator, a bundle) and bottom right (a price). */
  footer: string;
  price?: string;
};

/**
 * The Open Graph image of a product, a creator or a campaign: the shop's paper, ink and seal colours
 * and the page's own words. In English: next/og's bundled font has no CJK glyphs, so Chinese text
 * would draw as empty boxes; the Chinese pages share the same image.
 */
export function shareCardImage({ eyebrow, title, footer, price = "" }: ShareCard): ImageResponse {
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        background: "#faf7f2",
        color: "#1d1b18",
        padding: 72,
        borderBottom: "24px solid #9b2c1f",
      }}
    >
      <div style={{ display: "flex", fontSize: 30, color: "#6b645a", letterSpacing: 2, textTransform: "uppercase" }}>
        {eyebrow}
      </div>
      <div style={{ display: "flex", fontSize: 72, lineHeight: 1.1, fontFamily: "serif", maxWidth: 1000 }}>{title}</div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", fontSize: 32 }}>
        <div style={{ display: "flex", color: "#3f5d4a" }}>{footer}</div>
        <div style={{ display: "flex", fontSize: 48, color: "#9b2c1f" }}>{price}</div>
      </div>
    </div>,
    SHARE_CARD_SIZE,
  );
}

/** The image of a page that no longer exists (or never did): the brand alone, still a valid PNG. */
export function brandCardImage(): ImageResponse {
  return shareCardImage({ eyebrow: "Atelier", title: "Courses and art, side by side", footer: "" });
}
