"use client";

import { useActionState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

type Sent = { newEmail: string };

/** Asks for a new address; the change happens once the link mailed there is opened. */
export function EmailChangeForm({ action }: { action: (previous: ActionState<Sent>, formData: FormData) => Promise<ActionState<Sent>> }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const typed = state.status === "error" ? state.values?.email : undefined;
  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-4 pt-4 sm:pt-4">
        <Field
          label="New email address"
          name="email"
          type="email"
          defaultValue={typeof typed === "string" ? typed : ""}
          key={state.status === "success" ? "sent" : "editing"}
          error={errors?.email}
          maxLength={254}
          autoComplete="email"
          spellCheck={false}
          hint="We send a link to the new address; your address changes once you open it. Your current address gets a notice."
          required
        />
        <FormError state={state} />
        {state.status === "success" && state.data && !pending && (
          <FormMessage tone="success">
            We sent a link to {state.data.newEmail}. Open it within 24 hours, signed in as you are now, to confirm.
          </FormMessage>
        )}
      </CardContent>
      <CardFooter>
        <SubmitButton pending={pending} pendingLabel="Sending…">
          Send confirmation link
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
