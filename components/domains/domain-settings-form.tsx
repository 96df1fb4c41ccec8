"use client";

import { useActionState, useId, useState } from "react";
import { FormError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { notify } from "@/components/ui/toast";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";

export type DomainJoinModeChoice = "suggest" | "automatic";

const MODE_LABELS: Record<DomainJoinModeChoice, string> = { suggest: "Suggest this workspace", automatic: "Join automatically" };
const MODE_HINTS: Record<DomainJoinModeChoice, string> = {
  suggest: "People with a verified address at the domain see a “Join” button.",
  automatic: "People with a verified address at the domain join when they sign in. Owners get an email each time.",
};

/** How people at a verified domain join, and as what. */
export function DomainSettingsForm({ domain, roles, action }: { domain: { id: string; domain: string; mode: DomainJoinModeChoice; role: Role }; roles: Role[]; action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [mode, setMode] = useState(domain.mode);
  const [role, setRole] = useState(domain.role);
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.status === "success") notify({ message: `Saved: people at ${domain.domain} ${mode === "automatic" ? "join automatically" : "are offered this workspace"} as ${ROLE_LABELS[role]}.` });
  }
  const id = useId();
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  // A role the chooser cannot give (set by an owner, seen by an admin) is shown, not offered.
  const choices = roles.includes(domain.role) ? roles : [domain.role, ...roles];

  return (
    <form action={formAction} noValidate className="grid gap-3 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
      <input type="hidden" name="domainId" value={domain.id} />
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-mode`}>When someone at {domain.domain} signs in</Label>
        <Select id={`${id}-mode`} name="mode" value={mode} onChange={(e) => setMode(e.target.value as DomainJoinModeChoice)} aria-describedby={`${id}-mode-hint`}>
          {(Object.keys(MODE_LABELS) as DomainJoinModeChoice[]).map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </Select>
        <p id={`${id}-mode-hint`} className={errors?.mode ? "text-sm text-red-600" : "text-xs text-zinc-500"}>
          {errors?.mode?.[0] ?? MODE_HINTS[mode]}
        </p>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-role`}>They join as</Label>
        <Select
          id={`${id}-role`}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          aria-invalid={errors?.role ? true : undefined}
          aria-describedby={errors?.role ? `${id}-role-message` : undefined}
        >
          {choices.map((r) => (
            <option key={r} value={r} disabled={!roles.includes(r)}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </Select>
        {errors?.role && (
          <p id={`${id}-role-message`} className="text-sm text-red-600">
            {errors.role[0]}
          </p>
        )}
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="outline" className="sm:mt-6">
        Save
      </SubmitButton>
      <FormError state={state} className="sm:col-span-3" />
    </form>
  );
}
