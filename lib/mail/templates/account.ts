/**
 * The account mails (address verification, password reset, email change and its notice to the old
 * address), in the recipient's language. Texts live in the message catalogues under `mailAccount`;
 * links are absolute, built from SITE_URL, and carry the token in the query string of a page that asks
 * for a click before using it (mail scanners that open links must not spend them).
 */
import { localizedPath } from "@/i18n/paths";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { renderMail, shopLocale, type MailLocale, type MailMessage } from "@/lib/mail/message";

type MailTexts = (typeof en)["mailAccount"];
const CATALOGUES: Record<MailLocale, MailTexts> = { en: en.mailAccount, "zh-CN": zh.mailAccount };

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** An absolute link to a page of this site with the token in its query. */
export function accountLink(siteUrl: string, path: string, token: string, locale: MailLocale): string {
  // The page opens in the mail's language, whatever the browser the link is opened in last chose.
  const url = new URL(localizedPath(path, shopLocale(locale)), siteUrl);
  url.searchParams.set("token", token);
  return url.toString();
}

type Kind = "verify" | "reset" | "changeConfirm" | "changeNotice";

export function accountMail(
  kind: Kind,
  input: {
    to: string;
    locale: MailLocale;
    name: string | null;
    url?: string;
    newEmail?: string;
    hours?: number;
    minutes?: number;
  },
): MailMessage {
  const m = CATALOGUES[input.locale][kind];
  const values = {
    name: input.name || input.to,
    email: input.newEmail ?? input.to,
    hours: input.hours ?? 0,
    minutes: input.minutes ?? 0,
  };
  const f = (s: string) => fill(s, values);
  return renderMail(input.to, input.locale, {
    subject: f(m.subject),
    heading: f(m.heading),
    paragraphs: m.paragraphs.map(f),
    action: input.url && "button" in m ? { label: f(m.button), url: input.url } : undefined,
    footer: f(m.footer),
  });
}
