"use client";

import { KeyRound } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirmFor } from "@/components/ui/use-confirm-for";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { notify } from "@/components/ui/toast";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import { passkeyCeremony } from "./ceremony";

export type PasskeyRow = { credentialId: string; name: string; created: ReactNode; lastUsed: ReactNode | null; synced: boolean };

/** The account's passkeys: add one (the browser's own prompt), rename, remove. */
export function PasskeyList({
  passkeys,
  canAdd,
  actions,
}: {
  passkeys: PasskeyRow[];
  /** Only with a verified email: a passkey never replaces it. */
  canAdd: boolean;
  actions: { rename: FormAction; remove: FormAction };
}) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const { triggerFor, asking: removing, Dialog, dialogProps } = useConfirmFor<PasskeyRow>();
  const [saving, startSaving] = useTransition();

  async function add() {
    setAdding(true);
    setError(null);
    const result = await passkeyCeremony("register");
    setAdding(false);
    if (!result.ok) return setError(result.message);
    notify({ message: "Passkey added. Next time, sign in with it." });
    router.refresh();
  }

  return (
    <div className="grid gap-4">
      {passkeys.length === 0 ? (
        <p className="text-sm text-zinc-500">No passkeys yet. Add one on each device you use; your email link keeps working either way.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200" aria-label="Passkeys">
          {passkeys.map((passkey) => (
            <li key={passkey.credentialId} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-3 py-2" data-testid="passkey-row">
              <KeyRound className="size-4 shrink-0 text-zinc-500" aria-hidden />
              {editing === passkey.credentialId ? (
                <form
                  className="flex min-w-0 flex-1 basis-56 flex-wrap gap-2"
                  action={(formData) =>
                    startSaving(async () => {
                      const result = await runAction(actions.rename, { credentialId: passkey.credentialId, name: String(formData.get("name") ?? "") });
                      if (result.status === "error") return notify({ tone: "error", message: result.message });
                      notify({ message: "Passkey renamed." });
                      setEditing(null);
                      router.refresh();
                    })
                  }
                >
                  <Input name="name" defaultValue={passkey.name} aria-label="Passkey name" className="min-w-0 flex-1" autoFocus required />
                  <Button type="submit" size="sm" disabled={saving}>
                    {saving ? "Saving…" : "Save"}
                  </Button>
                  <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </form>
              ) : (
                <>
                  <div className="min-w-0 flex-1 basis-48">
                    <p className="truncate font-medium" title={passkey.name}>
                      {passkey.name}
                    </p>
                    <p className="text-sm text-zinc-500">
                      Added {passkey.created} · {passkey.lastUsed ? <>last used {passkey.lastUsed}</> : "not used yet"}
                    </p>
                  </div>
                  {passkey.synced && <Badge>Synced</Badge>}
                  <div className="flex gap-2">
                    <Button variant="outline" size="sm" onClick={() => setEditing(passkey.credentialId)} aria-label={`Rename ${passkey.name}`}>
                      Rename
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="text-red-700"
                      aria-label={`Remove ${passkey.name}`}
                      {...triggerFor(passkey)}
                    >
                      Remove
                    </Button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canAdd ? (
        <div className="grid justify-items-start gap-2">
          <Button variant="outline" onClick={add} disabled={adding} aria-busy={adding || undefined}>
            <KeyRound aria-hidden />
            {adding ? "Waiting for your device…" : "Add a passkey"}
          </Button>
          {error && <FormMessage tone="error">{error}</FormMessage>}
        </div>
      ) : (
        <p className="text-sm text-zinc-600">Confirm your email address first: sign out and sign in with an email link, then add a passkey.</p>
      )}
      {removing && Dialog && (
        <Dialog
          {...dialogProps}
          title={`Remove ${removing.name}?`}
          description="It will no longer sign you in. Remove it from your device or password manager too. You can still sign in with an email link."
          confirmLabel="Remove"
          pendingLabel="Removing…"
          onConfirm={async () => {
            const result = await runAction(actions.remove, { credentialId: removing.credentialId });
            if (result.status === "success") {
              notify({ message: `${removing.name} was removed.` });
              router.refresh();
            }
            return result;
          }}
        />
      )}
    </div>
  );
}
