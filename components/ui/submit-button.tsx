"use client";

import { Loader2 } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/** A submit button that shows the form is working and cannot be pressed twice. */
export function SubmitButton({
  children,
  pending,
  pendingLabel,
  disabled,
  ...props
}: ButtonProps & { pending?: boolean; pendingLabel?: string }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" {...props} disabled={busy || disabled} aria-busy={busy || undefined}>
      {busy && <Loader2 className="animate-spin" aria-hidden />}
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
