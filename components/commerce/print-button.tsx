"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; not printed itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="subtle" size="sm" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
