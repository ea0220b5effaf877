import type { ReactNode } from "react";

const LOOKS = {
  plain: "space-y-3",
  card: "space-y-3 rounded-lg border border-line bg-white p-5",
  danger: "space-y-3 rounded-lg border border-accent/40 bg-white p-5",
} as const;

/**
 * One part of an account page (settings, privacy): a section named by its heading, an optional
 * explanation, then its form. Forms inside name themselves by the same heading: pass them `id`.
 */
export function AccountSection({
  id,
  title,
  text,
  look = "card",
  children,
}: {
  id: string;
  title: ReactNode;
  text?: ReactNode;
  look?: keyof typeof LOOKS;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={LOOKS[look]}>
      <h2 id={id} className="font-serif text-2xl">
        {title}
      </h2>
      {text && <p className="text-sm text-muted">{text}</p>}
      {children}
    </section>
  );
}
