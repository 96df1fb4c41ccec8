"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";

/** A signing secret the server returned once: shown with a copy button until dismissed. */
export function SecretShownOnce({ secret, message, onDone }: { secret: string; message: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-3">
      <FormMessage tone="success">{message}</FormMessage>
      <Label htmlFor="webhook-secret">Signing secret</Label>
      <div className="flex gap-2">
        <input
          id="webhook-secret"
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm"
        />
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <Button type="button" className="w-fit" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
