import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { listDevMail } from "@/lib/mail/dev-mailbox";

// Reads the mail folder on every request; never prerendered (and never built into a production page).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("devMail");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * Development only (404 in production): the mail the app "sent" while SMTP_URL is unset, as the file
 * transport wrote it under MAIL_DIR. The HTML part is shown in a sandboxed frame (no scripts, no
 * same-origin access), the text part as text, and each mail links to its raw .eml.
 */
export default async function DevMailPage() {
  if (env.NODE_ENV === "production") notFound();
  const [t, format, mails] = await Promise.all([getTranslations("devMail"), getFormatter(), listDevMail(env.MAIL_DIR)]);
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl">{t("title")}</h1>
        <p className="text-muted">{t("intro", { dir: env.MAIL_DIR })}</p>
        {env.SMTP_URL && <p className="text-sm text-accent-dark">{t("smtp")}</p>}
      </header>
      {mails.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ol className="space-y-6">
          {mails.map((m) => (
            <li key={m.file} className="rounded-lg border border-line bg-white p-4" data-testid="dev-mail">
              <dl className="grid grid-cols-[8rem_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="text-muted">{t("subject")}</dt>
                <dd className="font-medium">{m.subject}</dd>
                <dt className="text-muted">{t("to")}</dt>
                <dd>{m.to}</dd>
                <dt className="text-muted">{t("date")}</dt>
                <dd>
                  <time dateTime={m.date}>{format.dateTime(new Date(m.date), "dateTimeSeconds")}</time>
                </dd>
                <dt className="text-muted">{t("language")}</dt>
                <dd>{m.locale}</dd>
              </dl>
              <details className="mt-3" open>
                <summary className="cursor-pointer text-sm font-medium">{t("text")}</summary>
                <pre className="mt-2 rounded bg-paper p-3 text-sm break-words whitespace-pre-wrap">{m.text}</pre>
              </details>
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium">{t("html")}</summary>
                {/* An empty sandbox: the mail's markup cannot run scripts, submit forms or reach this origin. */}
                <iframe
                  sandbox=""
                  srcDoc={m.html}
                  title={m.subject}
                  className="mt-2 h-96 w-full rounded border border-line bg-white"
                />
              </details>
              <a href={`/dev/mail/${m.file}`} className="mt-3 inline-block text-sm text-accent underline">
                {t("raw")}
              </a>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
