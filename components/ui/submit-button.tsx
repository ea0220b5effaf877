"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/**
 * The submit button of a form that posts to an action (`<form action={...}>`): disabled while the form
 * is being sent, and showing `pendingLabel` meanwhile when there is one ("Saving…"). Forms that submit
 * some other way (a transition in `onSubmit`) pass `pending` themselves.
 */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  ...props
}: Omit<ButtonProps, "type"> & { pendingLabel?: ReactNode }) {
  const status = useFormStatus();
  const busy = pending || status.pending;
  return (
    <Button type="submit" pending={busy} {...props}>
      {busy && pendingLabel !== undefined ? pendingLabel : children}
    </Button>
  );
}
