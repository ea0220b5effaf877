import type { ReactNode } from "react";
import { cx } from "./cx";

/**
 * A grey placeholder block where content will appear; give it the size of what it stands for. It pulses
 * unless the visitor asked for reduced motion. Hidden from screen readers: `LoadingRegion` speaks for it.
 */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cx("rounded bg-line/70 motion-safe:animate-pulse", className)} />;
}

/**
 * The loading state of a page (a `loading.tsx`): a busy region shaped like the page, with `label`
 * ("Loading the results…") in a status line that only screen readers see. No hooks: a server component.
 */
export function LoadingRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div aria-busy="true" className={className}>
      <p role="status" className="sr-only">
        {label}
      </p>
      {children}
    </div>
  );
}
