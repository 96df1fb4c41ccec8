"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";

export function EmailSignInForm({
  action,
  callbackUrl,
  email,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  callbackUrl: string;
  /** Sign in as this address only (e.g. the one an invitation is for). */
  email?: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const typed = state.status === "error" ? String(state.values?.email ?? "") : undefined;
  return (
    <form action={formAction} className="grid gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {email ? (
        <input type="hidden" name="email" value={email} />
      ) : (
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        placeholder="you@example.com"
        defaultValue={typed}
        key={typed ?? "email"}
        error={errors?.email}
        required
        autoFocus
      />
      )}
      <FormError state={state} />
      <SubmitButton pending={pending} pendingLabel="Sending link…" className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}

/** The "Check your email" page's button: the action knows the address, so the form sends none. */
export function ResendSignInLinkForm({ action }: { action: (previous: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="grid gap-3">
      <SubmitButton pending={pending} pendingLabel="Sending…" variant="outline" className="w-full">
        Resend the link
      </SubmitButton>
      {state.status === "success" && !pending && state.message && <FormMessage tone="success">{state.message}</FormMessage>}
      {!pending && <FormError state={state} />}
    </form>
  );
}
