import type { ReactNode } from "react";
import { cx } from "./cx";

const TONES = {
  // A polite live region: read out when it changes, without interrupting.
  success: { role: "status", text: "text-moss", box: "border-moss/40 bg-moss/5" },
  // An alert: read out at once. Errors from the server are what the person must act on.
  error: { role: "alert", text: "text-accent-dark", box: "border-accent/40 bg-accent/5" },
} as const;

/**
 * A form's outcome: "Saved", or what went wrong. `boxed` draws it as a tinted note (form-level messages
 * above or below a form); plain is a line of text. `as="span"` sits inline beside a button. `size`
 * follows the text around it. A `success` message may be rendered empty, to keep a live region in the
 * page so the text is announced when it appears. No hooks: usable on both sides.
 */
export function FormMessage({
  tone,
  boxed = false,
  as: Tag = "p",
  size = "sm",
  id,
  className,
  children,
}: {
  tone: "success" | "error";
  boxed?: boolean;
  as?: "p" | "span" | "div";
  size?: "xs" | "sm" | "inherit";
  id?: string;
  className?: string;
  children?: ReactNode;
}) {
  const look = TONES[tone];
  return (
    <Tag
      id={id}
      role={look.role}
      aria-live={tone === "success" ? "polite" : undefined}
      className={cx(
        boxed && cx("rounded border px-3 py-2", look.box),
        size === "xs" ? "text-xs" : size === "sm" ? "text-sm" : undefined,
        look.text,
        className,
      )}
    >
      {children}
    </Tag>
  );
}
