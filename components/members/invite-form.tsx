"use client";

import { useActionState, useState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/action-state";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";
import { ROLE_HINTS } from "./role-hints";
import type { FormAction } from "@/lib/actions/run-action";

/** `cost`: what an accepted invitation adds to the bill, for people who see billing. */
export function InviteForm({ action, roles, cost }: { action: FormAction; roles: Role[]; cost?: string | null }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : roles[0]!);
  // Empty the address once it has been invited (state from the last answer, read during render).
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.status === "success") setEmail("");
  }
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const sentTo = state.status === "success" ? (state.data as { email?: string } | undefined)?.email : undefined;

  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-4 sm:grid-cols-[1fr_12rem] sm:items-start">
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="off"
          placeholder="teammate@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors?.email}
          required
        />
        <div className="grid gap-1.5">
          <Label htmlFor="invite-role">Role</Label>
          <Select
            id="invite-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby="invite-role-message"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
          <p id="invite-role-message" className={errors?.role ? "text-sm text-red-600" : "text-xs text-zinc-500"}>
            {errors?.role?.[0] ?? ROLE_HINTS[role]}
          </p>
        </div>
        <FormError state={state} className="sm:col-span-2" />
        {cost && (
          <p data-testid="invitation-cost" className="text-xs text-zinc-500 sm:col-span-2">
            {cost}
          </p>
        )}
      </CardContent>
      <CardFooter>
        {sentTo && !pending && (
          <p role="status" className="mr-auto text-sm text-emerald-700">
            Invitation sent to {sentTo}.
          </p>
        )}
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send invitation
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
