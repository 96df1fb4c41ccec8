"use client";

import { useActionState, useState } from "react";
import { CardContent } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { notify } from "@/components/ui/toast";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";

/** Claims a domain; the toast says whether it is verified already (by the claimer's own address) or waits for DNS. */
export function AddDomainForm({ action }: { action: FormAction }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [domain, setDomain] = useState("");
  const [answered, setAnswered] = useState(state);
  if (state !== answered) {
    setAnswered(state);
    if (state.status === "success") {
      setDomain("");
      const added = state.data as { domain: string; verified: boolean };
      notify({
        message: added.verified
          ? `${added.domain} is verified: your own verified address is there.`
          : `${added.domain} was added. Publish its TXT record, then check DNS.`,
      });
    }
  }
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  return (
    <form action={formAction} noValidate>
      <CardContent className="grid gap-3">
        <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
          <Field
            label="Domain"
            name="domain"
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="none"
            placeholder="acme.com"
            value={domain}
            onChange={(e) => setDomain(e.target.value)}
            error={errors?.domain}
            hint="The part after the @ in your team's email addresses. Public providers like gmail.com cannot be claimed."
            required
          />
          <SubmitButton pending={pending} pendingLabel="Adding…" className="sm:mt-[1.625rem]">
            Add domain
          </SubmitButton>
        </div>
        <FormError state={state} />
      </CardContent>
    </form>
  );
}
