"use client";

import { runAction, type FormAction } from "@/lib/actions/run-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirmFor } from "@/components/ui/use-confirm-for";

export type ApiKeyItem = { id: string; name: string; display: string; scopes: string[]; createdBy: string | null; created: string; lastUsed: string | null; expires: string | null; expired: boolean };

export function ApiKeyList({ keys, revoke }: { keys: ApiKeyItem[]; revoke: FormAction }) {
  const { triggerFor, asking: revoking, Dialog, dialogProps } = useConfirmFor<ApiKeyItem>();
  if (keys.length === 0) return <p className="px-5 pb-5 text-sm text-zinc-500 sm:px-6 sm:pb-6">No API keys yet. Create one above to reach this workspace from your own systems.</p>;
  return (
    <>
      <ul className="divide-y divide-zinc-200">
        {keys.map((key) => (
          <li key={key.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-3 sm:px-6" data-testid="api-key-row">
            <div className="min-w-0 flex-1 basis-64">
              <p className="font-medium">{key.name}</p>
              <p className="font-mono text-xs text-zinc-500">{key.display}</p>
              <p className="mt-1 text-xs text-zinc-500">
                {key.createdBy ? `By ${key.createdBy}, ` : ""}
                {key.created} · {key.lastUsed ? `last used ${key.lastUsed}` : "never used"} ·{" "}
                {key.expires ? <span className={key.expired ? "text-amber-700" : undefined}>{key.expired ? `expired ${key.expires}` : `expires ${key.expires}`}</span> : "no expiry"}
              </p>
            </div>
            <div className="flex flex-wrap gap-1">
              {key.scopes.map((scope) => (
                <Badge key={scope} className="font-mono">
                  {scope}
                </Badge>
              ))}
            </div>
            <Button
              variant="ghost"
              size="sm"
              className="text-red-700"
              {...triggerFor(key)}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
      {revoking && Dialog && (
        <Dialog
          {...dialogProps}
          title={`Revoke “${revoking.name}”?`}
          description="Requests with this key fail at once with 401. Systems using it need a new key."
          confirmLabel="Revoke key"
          pendingLabel="Revoking…"
          onConfirm={() => runAction(revoke, { id: revoking.id })}
        />
      )}
    </>
  );
}
