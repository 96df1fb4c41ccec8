"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { CharacterCount, useCharacterCount } from "@/components/ui/character-count";
import { idle, type ActionState } from "@/lib/actions/action-state";

export type CustomerValues = { id?: string; name: string; company: string; email: string; phone: string; notes: string };

/** Create or edit a customer. Values survive a refused submit; errors sit by their fields. */
export function CustomerForm({
  action,
  initial,
  cancelHref,
  submitLabel,
}: {
  action: (previous: ActionState, formData: FormData) => Promise<ActionState>;
  initial: CustomerValues;
  cancelHref: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" && state.values ? (state.values as Partial<CustomerValues>) : initial;
  // Remount the inputs with what was sent, after React resets the form.
  const key = state.status === "error" ? JSON.stringify(state.values) : "initial";

  return (
    <form action={formAction} noValidate key={key}>
      <CustomerFields values={values} errors={errors} id={initial.id} state={state} />
      <CardFooter>
        <Button asChild variant="outline">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
      </CardFooter>
    </form>
  );
}

const NOTES_MAX = 5000;

/** Keyed by the form: remounted with the sent values after a refused submit, counts included. */
function CustomerFields({ values, errors, id, state }: { values: Partial<CustomerValues>; errors?: Record<string, string[] | undefined>; id?: string; state: ActionState }) {
  const notes = useCharacterCount(NOTES_MAX, values.notes);
  const notesDescribedBy = [errors?.notes ? "customer-notes-error" : null, "customer-notes-count"].filter(Boolean).join(" ");
  return (
    <>
      {id && <input type="hidden" name="id" value={id} />}
      <CardContent className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" defaultValue={values.name} error={errors?.name} required maxLength={120} autoComplete="off" autoFocus className="sm:col-span-2" />
        <Field label="Company" name="company" defaultValue={values.company} error={errors?.company} maxLength={120} autoComplete="off" />
        <Field label="Email" name="email" type="email" defaultValue={values.email} error={errors?.email} maxLength={254} autoComplete="off" />
        <Field label="Phone" name="phone" type="tel" defaultValue={values.phone} error={errors?.phone} maxLength={40} autoComplete="off" hint="Digits, spaces and + ( ) - ." />
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="customer-notes">Notes</Label>
          <Textarea
            id="customer-notes"
            name="notes"
            defaultValue={values.notes}
            onInput={notes.onInput}
            aria-invalid={errors?.notes || notes.over ? true : undefined}
            aria-describedby={notesDescribedBy}
          />
          <CharacterCount id="customer-notes-count" length={notes.length} limit={NOTES_MAX} />
          {errors?.notes && (
            <p id="customer-notes-error" className="text-sm text-red-600">
              {errors.notes[0]}
            </p>
          )}
        </div>
        <FormError state={state} className="sm:col-span-2" />
      </CardContent>
    </>
  );
}
