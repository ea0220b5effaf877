"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { cx } from "./cx";

const SIDES = {
  // A panel along the right edge, the whole height of the screen (the cart).
  right: "ml-auto mr-0 h-dvh max-h-none w-full max-w-sm",
  // The whole screen (a zoomed image, filters on a phone).
  full: "h-dvh max-h-none w-screen max-w-none",
} as const;

/**
 * A modal panel on the native <dialog>: showModal() makes the rest of the page inert, keeps focus
 * inside, closes on Escape and gives focus back to what opened it, so none of that is re-implemented
 * here. `open` is the caller's state; every way of closing (Escape, the backdrop, a close button)
 * ends in `onClose`.
 */
export function Drawer({
  open,
  onClose,
  labelledBy,
  side = "right",
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  side?: keyof typeof SIDES;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      onClose={onClose}
      // A click on the dialog element itself (not its content) is a click on the backdrop.
      onClick={(event) => {
        if (event.target === ref.current) onClose();
      }}
      className={cx("m-0 bg-paper p-0 text-ink backdrop:bg-ink/40", SIDES[side], className)}
    >
      {open && children}
    </dialog>
  );
}
