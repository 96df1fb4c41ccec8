"use client";

import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { passkeyCeremony } from "./ceremony";

/** Signs in with a passkey the device already holds: no address to type, the browser asks which. */
export function PasskeySignIn({ callbackUrl }: { callbackUrl: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="grid gap-2">
      <Button
        type="button"
        variant="outline"
        className="w-full"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await passkeyCeremony("authenticate", callbackUrl);
          if (result.ok) {
            window.location.assign(result.url ?? callbackUrl);
            return;
          }
          setBusy(false);
          setError(result.message);
        }}
      >
        <KeyRound aria-hidden />
        {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </Button>
      {error && <FormMessage tone="error">{error}</FormMessage>}
    </div>
  );
}
