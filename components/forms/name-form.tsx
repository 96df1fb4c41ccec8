"use client";

import { useActionState, useState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

/** One name field in a card, saved by a server action: a workspace's name, a user's. */
export function NameForm({
  action,
  label,
  initialName,
  maxLength,
  autoComplete,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  initialName: string;
  maxLength: number;
  autoComplete?: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [name, setName] = useState(initialName);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-4">
        <Field
          label={label}
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors?.name}
          maxLength={maxLength}
          autoComplete={autoComplete}
          required
        />
        <FormError state={state} />
      </CardContent>
      <CardFooter>
        {state.status === "success" && !pending && (
          <p role="status" className="mr-auto text-sm text-emerald-700">
            Saved.
          </p>
        )}
        <SubmitButton pending={pending} pendingLabel="Saving…" disabled={name.trim() === initialName}>
          Save
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
