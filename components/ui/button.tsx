import type { ComponentProps } from "react";
import { cx } from "./cx";

/**
 * How a button looks. `primary` is the one main action of a form; `secondary` an alternative to it;
 * `subtle` a small, frequent action (a row's remove, an offer's decline); `positive` confirms something
 * good (accept, launch, mark complete) and `positive-outline` is its pressed state; `danger` an action
 * that removes something, `danger-solid` the final, irreversible one (deleting the account); `link`
 * a button that reads as a link (report, remove from cart); `nav` one that sits among navigation links
 * and looks like them (the header's "Sign out").
 */
export type ButtonVariant =
  "primary" | "secondary" | "subtle" | "positive" | "positive-outline" | "danger" | "danger-solid" | "link" | "nav";

/** `lg` is the full-size call to action (sign in, pay); `icon` a square for one symbol (− and +). */
export type ButtonSize = "xs" | "sm" | "md" | "lg" | "icon";

const VARIANTS: Record<ButtonVariant, string> = {
  primary: "bg-ink text-paper hover:bg-accent",
  secondary: "border border-ink hover:bg-ink hover:text-paper",
  subtle: "border border-line bg-white hover:border-ink",
  positive: "bg-moss text-paper hover:bg-ink",
  "positive-outline": "border border-moss text-moss hover:bg-moss/10",
  danger: "border border-accent text-accent-dark hover:bg-accent hover:text-paper",
  "danger-solid": "bg-accent-dark text-white hover:bg-accent",
  link: "text-muted underline hover:text-accent",
  nav: "text-muted hover:text-ink",
};

const SIZES: Record<ButtonSize, string> = {
  xs: "px-3 py-1 text-xs",
  sm: "px-4 py-1.5 text-sm",
  md: "px-4 py-2 text-sm",
  lg: "px-6 py-2",
  icon: "h-8 w-8",
};

/** A link-like button has no box: its size is only its type size, by default that of the text around it. */
const LINK_SIZES: Record<ButtonSize, string | undefined> = {
  xs: "text-xs",
  sm: "text-sm",
  md: undefined,
  lg: undefined,
  icon: undefined,
};

export type ButtonLook = { variant?: ButtonVariant; size?: ButtonSize; block?: boolean; className?: string };

/**
 * The classes of a button, for the rare element that must look like one without being one: a `Link`
 * that starts a flow ("Checkout", "New campaign"). `block` fills the width of its container.
 */
export function buttonClass({ variant = "primary", size = "md", block = false, className }: ButtonLook = {}): string {
  // inline-block and text-center are a button's own defaults; spelled out for a `Link` that borrows the look.
  const box =
    variant === "link" || variant === "nav"
      ? LINK_SIZES[size]
      : cx("inline-block rounded-full text-center", SIZES[size]);
  return cx(box, VARIANTS[variant], block && "w-full", "disabled:opacity-60", className) ?? "";
}

export type ButtonProps = Omit<ComponentProps<"button">, "type"> &
  ButtonLook & {
    /** Always explicit: a button inside a form submits unless told otherwise, which is rarely what a row action wants. */
    type: "button" | "submit" | "reset";
    /** The form is being sent: the button is disabled until the answer comes back, so a double click sends once. */
    pending?: boolean;
  };

/**
 * A button in one of the shop's looks. No hooks, so server components can render it too; inside a form
 * that posts to an action, `SubmitButton` reads the pending state by itself.
 */
export function Button({ type, variant, size, block, pending = false, disabled, className, ...props }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled || pending}
      className={buttonClass({ variant, size, block, className })}
      {...props}
    />
  );
}
