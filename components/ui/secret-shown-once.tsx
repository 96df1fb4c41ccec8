"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { Button } from "./button";
import { FormMessage } from "./form-message";
import { Label } from "./label";

/** A secret the server returned once (an API key, a signing secret): shown with a copy button until dismissed. */
export function SecretShownOnce({ secret, label, id, message, onDone }: { secret: string; label: string; id: string; message: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="grid gap-3">
      <FormMessage tone="success">{message}</FormMessage>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <input
          id={id}
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
