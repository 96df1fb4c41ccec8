"use client";

import { Power, RotateCw, Send, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { confirmDialog } from "@/components/ui/confirm-dialog-on-demand";
import { FormMessage } from "@/components/ui/form-message";
import { useOnDemand } from "@/components/ui/on-demand";
import type { ActionState } from "@/lib/actions/action-state";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { SecretShownOnce } from "@/components/ui/secret-shown-once";

type Actions = { test: FormAction; rotate: FormAction; setEnabled: FormAction; remove: FormAction };
type Confirming = { kind: "rotate" | "delete"; trigger: HTMLElement };

/** What can be done to one endpoint, each with its outcome said in words. */
export function EndpointControls({ id, url, enabled, actions }: { id: string; url: string; enabled: boolean; actions: Actions }) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [pending, startTransition] = useTransition();
  const dialog = useOnDemand(confirmDialog);

  const run = (action: FormAction, fields: Record<string, string>, success: string) =>
    startTransition(async () => {
      const result = await runAction(action, { id, ...fields });
      setMessage(result.status === "error" ? { tone: "error", text: result.message } : { tone: "success", text: success });
    });
  const ask = (kind: Confirming["kind"]) => (event: React.MouseEvent<HTMLButtonElement>) => {
    setConfirming({ kind, trigger: event.currentTarget });
    dialog.triggerProps.onClick(event);
  };

  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap gap-2">
        <Button variant="outline" disabled={pending || !enabled} onClick={() => run(actions.test, {}, "A test event is on its way. It shows in the log below within seconds.")}>
          <Send aria-hidden /> Send test event
        </Button>
        <Button variant="outline" disabled={pending} {...dialog.triggerProps} onClick={ask("rotate")}>
          <RotateCw aria-hidden /> Rotate secret
        </Button>
        <Button
          variant="outline"
          disabled={pending}
          onClick={() => run(actions.setEnabled, { enabled: String(!enabled) }, enabled ? "Disabled: no events are sent until you enable it." : "Enabled: new events are sent again.")}
        >
          <Power aria-hidden /> {enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="outline" className="text-red-700" disabled={pending} {...dialog.triggerProps} onClick={ask("delete")}>
          <Trash2 aria-hidden /> Delete
        </Button>
      </div>
      {message && <FormMessage tone={message.tone}>{message.text}</FormMessage>}
      {secret && (
        <SecretShownOnce
          label="Signing secret"
          id="webhook-secret"
          secret={secret}
          message="A new signing secret. The old one keeps signing beside it for 24 hours, so update your receiver within a day. Copy it now: it is shown only this once."
          onDone={() => setSecret(null)}
        />
      )}
      {confirming && dialog.Loaded && (
        <dialog.Loaded
          open
          onOpenChange={(open) => !open && setConfirming(null)}
          title={confirming.kind === "rotate" ? "Rotate the signing secret?" : `Delete ${url}?`}
          description={
            confirming.kind === "rotate"
              ? "Deliveries are signed with a new secret, and with the old one for 24 more hours."
              : "No more events go to it, and its delivery log is deleted. This cannot be undone."
          }
          confirmLabel={confirming.kind === "rotate" ? "Rotate secret" : "Delete endpoint"}
          pendingLabel={confirming.kind === "rotate" ? "Rotating…" : "Deleting…"}
          onConfirm={async (): Promise<ActionState> => {
            const result = await runAction(confirming.kind === "rotate" ? actions.rotate : actions.remove, { id });
            if (result.status === "success" && confirming.kind === "rotate") {
              setSecret((result.data as { secret: string }).secret);
              setMessage(null);
            }
            return result;
          }}
          returnFocusTo={confirming.trigger}
        />
      )}
    </div>
  );
}
