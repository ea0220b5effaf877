/**
 * A mail as the outbox stores it: fully rendered, so delivery needs nothing but the row. Every mail
 * has a plain-text and an HTML part and never loads anything from outside (no remote images, no
 * tracking pixels): the HTML is self-contained markup with inline styles.
 */
import { z } from "zod";
import type { Locale } from "@/i18n/locales";

export const mailMessageSchema = z.object({
  to: z.string().min(3).max(254),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().min(1),
  /** The language it is written in, for the Content-Language header. */
  locale: z.enum(["en", "zh-CN"]),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

/** The locale a mail is written in: the interface's "zh" becomes the mail's "zh-CN". */
export type MailLocale = MailMessage["locale"];
export function mailLocale(locale: string | null | undefined): MailLocale {
  return locale === "zh" || locale === "zh-CN" ? "zh-CN" : "en";
}

/** The shop's language for a mail's (`zh-CN` -> `zh`): the links and dates in it follow that. */
export function shopLocale(locale: MailLocale): Locale {
  return locale === "zh-CN" ? "zh" : "en";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type MailContent = {
  subject: string;
  /** The first line of the body. */
  heading: string;
  /** Paragraphs of plain text (escaped for the HTML part). */
  paragraphs: string[];
  /** An optional button: its label and an absolute URL on this site. */
  action?: { label: string; url: string };
  /** Optional table rows (for example order lines): label and value, already formatted. */
  rows?: { label: string; value: string }[];
  /** A closing line in small print (why the person got this mail). */
  footer?: string;
};

/** Renders one mail's text and HTML parts from its content. */
export function renderMail(to: string, locale: MailLocale, content: MailContent): MailMessage {
  const rows = content.rows ?? [];
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(rows.length ? [...rows.map((r) => `${r.label}: ${r.value}`), ""] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.footer ? ["--", content.footer] : []),
  ].join("\n");
  const lang = locale === "zh-CN" ? "zh-CN" : "en";
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#faf7f2;font-family:system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif;color:#1c1917">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">`,
    `<p style="margin:0 0 16px;font-size:13px;letter-spacing:.08em;text-transform:uppercase;color:#78716c">Atelier</p>`,
    `<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>`,
    ...content.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.5">${escapeHtml(p)}</p>`),
    rows.length
      ? `<table role="presentation" style="width:100%;border-collapse:collapse;margin:8px 0 16px">${rows
          .map(
            (r) =>
              `<tr><td style="padding:6px 0;border-bottom:1px solid #f5f5f4">${escapeHtml(r.label)}</td><td style="padding:6px 0;border-bottom:1px solid #f5f5f4;text-align:right">${escapeHtml(r.value)}</td></tr>`,
          )
          .join("")}</table>`
      : "",
    content.action
      ? `<p style="margin:16px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1c1917;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px">${escapeHtml(content.action.label)}</a></p><p style="margin:0 0 12px;font-size:13px;color:#78716c;word-break:break-all">${escapeHtml(content.action.url)}</p>`
      : "",
    content.footer ? `<p style="margin:24px 0 0;font-size:12px;color:#a8a29e">${escapeHtml(content.footer)}</p>` : "",
    `</div></body></html>`,
  ].join("");
  return { to, subject: content.subject, text, html, locale };
}
