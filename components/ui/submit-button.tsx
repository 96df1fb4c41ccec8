"use client";

import { Loader2 } from "lucide-react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonProps } from "./button";

/** A submit button that shows the form is working and cannot be pressed twice. */
export function SubmitButton({ children, pending, pendingLabel, ...props }: ButtonProps & { pending?: boolean; pendingLabel?: string }) {
  const status = useFormStatus();
  const busy = pending ?? status.pending;
  return (
    <Button type="submit" disabled={busy || props.disabled} aria-disabled={busy} {...props}>
      {busy && <Loader2 className="animate-spin" aria-hidden />}
      {busy && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
