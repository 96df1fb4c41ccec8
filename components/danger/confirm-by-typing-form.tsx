"use client";

import { useActionState, useState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

/**
 * A destructive action confirmed by typing a word (a workspace's name, an email): the
 * button stays off until it matches. The server checks it again.
 */
export function ConfirmByTypingForm({
  action,
  name,
  expected,
  label,
  button,
  pendingLabel,
  caseInsensitive = false,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  name: string;
  expected: string;
  label: string;
  button: string;
  pendingLabel: string;
  caseInsensitive?: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [value, setValue] = useState("");
  const normalise = (v: string) => (caseInsensitive ? v.trim().toLowerCase() : v.trim());
  const matches = normalise(value) === normalise(expected);
  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-4">
        <Field
          label={label}
          name={name}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={state.status === "error" ? state.fieldErrors?.[name] : undefined}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <FormError state={state} />
      </CardContent>
      <CardFooter>
        <SubmitButton variant="destructive" pending={pending} pendingLabel={pendingLabel} disabled={!matches}>
          {button}
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
