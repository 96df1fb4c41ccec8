"use client";

import { RotateCcw } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { runAction, type FormAction } from "@/lib/actions/run-action";

export type DeliveryItem = {
  id: string;
  eventType: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  responseStatus: number | null;
  responseBody: string | null;
  latencyMs: number | null;
  error: string | null;
  created: string;
};

const STATUS = {
  succeeded: { label: "Delivered", className: "bg-emerald-50 text-emerald-800" },
  pending: { label: "Sending", className: "bg-amber-50 text-amber-800" },
  failed: { label: "Failed", className: "bg-red-50 text-red-800" },
} as const;

/** An endpoint's deliveries, newest first, each with what came back and a resend. */
export function DeliveryLog({ endpointId, deliveries, resend }: { endpointId: string; deliveries: DeliveryItem[]; resend: FormAction }) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  if (deliveries.length === 0) {
    return <p className="px-5 pb-5 text-sm text-zinc-500 sm:px-6 sm:pb-6">Nothing sent yet. Events appear here as they happen, or send a test event above.</p>;
  }
  return (
    <div className="grid gap-3">
      {message && <FormMessage tone={message.tone} className="mx-5 sm:mx-6">{message.text}</FormMessage>}
      <ul className="divide-y divide-zinc-200">
        {deliveries.map((d) => {
          const status = d.status === "pending" && d.attempts > 0 ? { label: `Retrying (${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"})`, className: STATUS.pending.className } : STATUS[d.status];
          return (
            <li key={d.id} className="grid gap-2 px-5 py-3 sm:px-6" data-testid="delivery-row">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{d.eventType}</code>
                <Badge className={status.className}>{status.label}</Badge>
                <span className="text-xs text-zinc-500">
                  {d.created}
                  {d.responseStatus !== null && ` · HTTP ${d.responseStatus}`}
                  {d.latencyMs !== null && ` · ${d.latencyMs} ms`}
                  {d.status !== "pending" && ` · ${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"}`}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  className="ml-auto"
                  disabled={pending}
                  onClick={() =>
                    startTransition(async () => {
                      const result = await runAction(resend, { id: endpointId, deliveryId: d.id });
                      setMessage(result.status === "error" ? { tone: "error", text: result.message } : { tone: "success", text: `Resending ${d.eventType}. It shows at the top of the log.` });
                    })
                  }
                >
                  <RotateCcw aria-hidden /> Resend
                </Button>
              </div>
              {d.error && <p className="text-sm text-red-700">{d.error}</p>}
              {d.responseBody && (
                <details className="text-sm">
                  <summary className="cursor-pointer text-zinc-600">Response</summary>
                  <pre className="mt-1 max-h-48 overflow-auto rounded bg-zinc-50 p-2 text-xs break-all whitespace-pre-wrap">{d.responseBody}</pre>
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
