/**
 * Text layout without a font engine: an estimate of rendered width for a bold sans-serif, and a
 * greedy line wrapper that fits a title into at most N lines at the largest size that works.
 */

const NARROW = new Set("iljtfrI.,:;'!|()[]` ");
const WIDE = new Set("mwMW@%");

/** True for characters that render full-width (CJK ideographs, kana, hangul, full-width forms). */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) ||
    (c >= 0x20000 && c <= 0x3fffd)
  );
}

/**
 * Estimated advance width, in em, of one character in a bold sans-serif. Calibrated on the wider
 * fallbacks (DejaVu Sans Bold, Verdana-like), so narrower fonts simply leave some slack.
 */
export function charWidth(ch: string): number {
  if (isWide(ch)) return 1.0;
  if (ch === " ") return 0.33;
  if (NARROW.has(ch)) return 0.4;
  if (WIDE.has(ch)) return 1.02;
  if (ch >= "A" && ch <= "Z") return 0.78;
  if (ch >= "0" && ch <= "9") return 0.7;
  return 0.68;
}

export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * fontSize;
}

/** Break points: words separated by spaces, and every wide (CJK) character on its own. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = "";
  for (const ch of text) {
    if (ch === " ") {
      if (word) out.push(word);
      out.push(" ");
      word = "";
    } else if (isWide(ch)) {
      if (word) out.push(word);
      out.push(ch);
      word = "";
    } else word += ch;
  }
  if (word) out.push(word);
  return out;
}

/** Greedy wrap into lines no wider than maxWidth; over-long words are split by character. */
export function wrap(text: string, fontSize: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = "";
  const push = () => {
    if (line.trim()) lines.push(line.trim());
    line = "";
  };
  for (const tok of tokens(text.replace(/\s+/g, " ").trim())) {
    if (tok === " ") {
      if (line) line += " ";
      continue;
    }
    if (textWidth(line + tok, fontSize) <= maxWidth) {
      line += tok;
      continue;
    }
    if (line.trim()) push();
    if (textWidth(tok, fontSize) <= maxWidth) {
      line = tok;
      continue;
    }
    for (const ch of tok) {
      if (textWidth(line + ch, fontSize) > maxWidth && line) push();
      line += ch;
    }
  }
  push();
  return lines;
}

/** Shortens a line with an ellipsis until it fits. */
export function ellipsize(text: string, fontSize: number, maxWidth: number): string {
  let chars = Array.from(text.trim());
  while (chars.length > 0 && textWidth(chars.join("") + "…", fontSize) > maxWidth) chars = chars.slice(0, -1);
  return chars.join("").trimEnd() + "…";
}

/**
 * The largest font size (stepping down from `max` to `min`) at which the text fits in `maxLines`;
 * at `min` the overflow is cut and the last line ends with an ellipsis.
 */
export function fitLines(
  text: string,
  maxWidth: number,
  maxLines: number,
  max: number,
  min: number,
): { lines: string[]; fontSize: number } {
  for (let size = max; size >= min; size -= 4) {
    const lines = wrap(text, size, maxWidth);
    if (lines.length <= maxLines) return { lines, fontSize: size };
  }
  const lines = wrap(text, min, maxWidth);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines)
    kept[maxLines - 1] = ellipsize(`${kept[maxLines - 1] ?? ""} ${lines[maxLines] ?? ""}`, min, maxWidth);
  return { lines: kept, fontSize: min };
}
