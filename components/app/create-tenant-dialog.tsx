"use client";

import { useActionState, useState, type RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";
import { TENANT_LABEL } from "@/lib/config/app";
import { slugify } from "@/lib/tenancy/slug";

export type CreateTenantAction = (previous: ActionState, formData: FormData) => Promise<ActionState>;

export function CreateTenantForm({ action: createTenant, onCancel }: { action: CreateTenantAction; onCancel?: () => void }) {
  const [state, action, pending] = useActionState(createTenant, idle);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const errors = state.status === "error" ? state.fieldErrors : undefined;

  return (
    <form action={action} className="grid gap-4" noValidate>
      <Field
        label="Name"
        name="name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugTouched) setSlug(slugify(e.target.value));
        }}
        error={errors?.name}
        placeholder="Acme Inc."
        autoComplete="organization"
        autoFocus
        required
        maxLength={64}
      />
      <Field
        label="URL"
        name="slug"
        prefix="/t/"
        value={slug}
        onChange={(e) => {
          setSlugTouched(true);
          setSlug(e.target.value.toLowerCase());
        }}
        error={errors?.slug}
        hint="Lowercase letters, numbers and hyphens. You can't change it later."
        autoCapitalize="none"
        spellCheck={false}
        required
        maxLength={48}
      />
      <FormError state={state} />
      <DialogFooter>
        {onCancel && (
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create {TENANT_LABEL.singular}
        </SubmitButton>
      </DialogFooter>
    </form>
  );
}

export function CreateTenantDialog({
  open,
  onOpenChange,
  action,
  returnFocusTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  action: CreateTenantAction;
  /** The button that opened it (from a menu, not a DialogTrigger), for focus to go back to. */
  returnFocusTo?: RefObject<HTMLElement | null>;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        onCloseAutoFocus={(event) => {
          if (!returnFocusTo?.current?.isConnected) return;
          event.preventDefault();
          returnFocusTo.current.focus();
        }}
      >
        <DialogHeader>
          <DialogTitle>Create a {TENANT_LABEL.singular}</DialogTitle>
          <DialogDescription>A separate space with its own members and data. You will be its owner.</DialogDescription>
        </DialogHeader>
        {open && <CreateTenantForm action={action} onCancel={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}
