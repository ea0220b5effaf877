"use client";

import { Link } from "@/i18n/navigation";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** The server-side digest of an error, which matches the server's log line; never its message or stack. */
function digestOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("digest" in error)) return undefined;
  return typeof error.digest === "string" ? error.digest : undefined;
}

/**
 * What a page shows when it fails to render: inside the root layout (header, language, footer stay), in
 * the visitor's language. `retry` (Next 16's successor to `reset`) fetches and renders the segment again.
 * The error itself stays out of the page: in production its message is generic anyway, and a stack
 * trace helps no visitor; the digest lets support find the server's log line.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  const heading = useRef<HTMLHeadingElement>(null);
  // The page under the reader's cursor was replaced: say so by moving focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  const digest = digestOf(error);
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 ref={heading} tabIndex={-1} className="font-serif text-3xl outline-none!">
        {t("title")}
      </h1>
      <p className="mt-2 text-muted">{t("text")}</p>
      <div className="mt-6 flex items-center justify-center gap-4">
        <Button type="button" onClick={() => retry()}>
          {t("retry")}
        </Button>
        <Link href="/" className="underline">
          {t("home")}
        </Link>
      </div>
      {digest && <p className="mt-6 text-xs text-muted">{t("reference", { digest })}</p>}
    </div>
  );
}
