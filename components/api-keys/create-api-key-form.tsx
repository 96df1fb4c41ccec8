"use client";

import { useActionState, useState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SecretShownOnce } from "@/components/ui/secret-shown-once";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

type Scope = { id: string; label: string };

export function CreateApiKeyForm({ action, scopes }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState>; scopes: Scope[] }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const created = state.status === "success" && state !== dismissed ? (state.data as { key: string; name: string }) : null;
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  if (created) {
    return (
      <CardContent>
        <SecretShownOnce
          label="Your new API key"
          id="new-api-key"
          secret={created.key}
          message={`The key “${created.name}” was created. Copy it now: it is shown only this once.`}
          onDone={() => setDismissed(state)}
        />
      </CardContent>
    );
  }

  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field label="Name" name="name" placeholder="e.g. CRM sync" error={errors?.name} maxLength={60} required autoComplete="off" />
        <div className="grid gap-1.5">
          <Label htmlFor="api-key-expiry">Expires</Label>
          <Select id="api-key-expiry" name="expiresInDays" defaultValue="never">
            <option value="never">Never</option>
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
          </Select>
        </div>
        <fieldset className="grid gap-2 sm:col-span-2" aria-describedby={errors?.scopes ? "api-key-scopes-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Scopes</legend>
          {scopes.map((scope) => (
            <label key={scope.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="scopes" value={scope.id} defaultChecked={scope.id === "customers:read"} className="size-4 accent-zinc-900" />
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs">{scope.id}</code> {scope.label}
            </label>
          ))}
          {errors?.scopes && (
            <p id="api-key-scopes-error" className="text-sm text-red-600">
              {errors.scopes[0]}
            </p>
          )}
        </fieldset>
        <FormError state={state} className="sm:col-span-2" />
      </CardContent>
      <CardFooter>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create key
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
