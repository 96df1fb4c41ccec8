"use client";

import { RefreshCw, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useConfirmFor } from "@/components/ui/use-confirm-for";
import { notify } from "@/components/ui/toast";
import { runAction, type FormAction } from "@/lib/actions/run-action";
import type { Role } from "@/lib/permissions/roles";
import { CopyValue } from "./copy-value";
import { DomainSettingsForm, type DomainJoinModeChoice } from "./domain-settings-form";

export type DomainRowView = {
  id: string;
  domain: string;
  verified: boolean;
  /** How and when it was verified, in words ("by DNS on Mar 3, 2026"). */
  verifiedNote: string | null;
  mode: DomainJoinModeChoice;
  role: Role;
  txt: { name: string; value: string };
  /** When DNS was last looked up for it, in words; null if never. */
  lastChecked: string | null;
};

export type DomainActions = { check: FormAction; update: FormAction; remove: FormAction };

/** The workspace's claimed domains: pending ones with their TXT record and a DNS check, verified ones with how people join. */
export function DomainList({ domains, roles, actions }: { domains: DomainRowView[]; roles: Role[]; actions: DomainActions }) {
  const { triggerFor, asking: removing, Dialog, dialogProps } = useConfirmFor<DomainRowView>();
  const [checkingId, setCheckingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  if (domains.length === 0) {
    return <p className="border-t border-zinc-200 px-5 py-4 text-sm text-zinc-500 sm:px-6">No domains yet.</p>;
  }
  const check = (domain: DomainRowView) => {
    setCheckingId(domain.id);
    startTransition(async () => {
      const result = await runAction(actions.check, { domainId: domain.id });
      notify(result.status === "error" ? { tone: "error", message: result.message } : { message: `${domain.domain} is verified.` });
      setCheckingId(null);
    });
  };

  return (
    <>
      <ul className="divide-y divide-zinc-200 border-t border-zinc-200">
        {domains.map((domain) => (
          <li key={domain.id} className="grid grid-cols-1 gap-3 px-5 py-4 [overflow-wrap:anywhere] sm:px-6" data-testid="domain-row">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <p className="min-w-0 basis-full truncate font-medium sm:basis-0 sm:flex-1" title={domain.domain}>
                {domain.domain}
              </p>
              {domain.verified ? (
                <Badge className="border-emerald-200 bg-emerald-50 text-emerald-800">Verified</Badge>
              ) : (
                <Badge className="border-amber-200 bg-amber-50 text-amber-800">Pending verification</Badge>
              )}
              <Button
                variant="ghost"
                size="sm"
                className="text-red-700"
                aria-label={`Remove ${domain.domain}`}
                {...triggerFor(domain)}
              >
                <Trash2 aria-hidden /> Remove
              </Button>
            </div>
            {domain.verified ? (
              <>
                {domain.verifiedNote && <p className="text-sm text-zinc-500">Verified {domain.verifiedNote}.</p>}
                <DomainSettingsForm domain={domain} roles={roles} action={actions.update} />
              </>
            ) : (
              <div className="grid grid-cols-1 gap-3 rounded-lg border border-zinc-200 bg-zinc-50/60 p-3">
                <p className="text-sm text-zinc-600">
                  Add this TXT record at your DNS provider to prove the domain is yours, then check. Or have someone signed in with a verified address at{" "}
                  {domain.domain} add it.
                </p>
                <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                  <CopyValue label="Name" value={domain.txt.name} />
                  <CopyValue label="Value" value={domain.txt.value} />
                </div>
                <div className="flex flex-wrap items-center gap-3">
                  <Button variant="outline" size="sm" disabled={checkingId === domain.id} aria-busy={checkingId === domain.id || undefined} onClick={() => check(domain)}>
                    <RefreshCw aria-hidden className={checkingId === domain.id ? "animate-spin" : undefined} />
                    {checkingId === domain.id ? "Checking…" : "Check DNS"}
                  </Button>
                  {domain.lastChecked && <span className="text-xs text-zinc-500">Last checked {domain.lastChecked}.</span>}
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {removing && Dialog && (
        <Dialog
          {...dialogProps}
          title={`Remove ${removing.domain}?`}
          description="Nobody new joins through it. People who already joined stay members. You can add it again later, but it has to be verified again."
          confirmLabel="Remove domain"
          pendingLabel="Removing…"
          onConfirm={async () => {
            const result = await runAction(actions.remove, { domainId: removing.id });
            if (result.status === "success") notify({ message: `${removing.domain} was removed.` });
            return result;
          }}
        />
      )}
    </>
  );
}
