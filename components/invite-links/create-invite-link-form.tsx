"use client";

import { Check, Copy } from "lucide-react";
import { useActionState, useState } from "react";
import { ROLE_HINTS } from "@/components/members/role-hints";
import { Button } from "@/components/ui/button";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError, FormMessage } from "@/components/ui/form-message";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { notify } from "@/components/ui/toast";
import { idle, type ActionState } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";
import { ROLE_LABELS, type Role } from "@/lib/permissions/roles";

export type CreatedInviteLinkData = { url: string; role: Role; maxUses: number | null };

function LinkShownOnce({ created, onDone }: { created: CreatedInviteLinkData; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  return (
    <CardContent className="grid gap-3 border-t border-zinc-200">
      <FormMessage tone="success">
        Invite link for {ROLE_LABELS[created.role]}s created{created.maxUses ? `, for up to ${created.maxUses} ${created.maxUses === 1 ? "use" : "uses"}` : ""}. Copy it now: it
        is not shown again.
      </FormMessage>
      <Label htmlFor="new-invite-link">Invite link</Label>
      <div className="flex gap-2">
        <input
          id="new-invite-link"
          readOnly
          value={created.url}
          onFocus={(e) => e.currentTarget.select()}
          className="h-9 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-3 font-mono text-sm"
        />
        <Button
          type="button"
          variant="outline"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(created.url);
              setCopied(true);
              notify({ message: "Link copied" });
            } catch {
              notify({ tone: "error", message: "Could not copy: select the link and copy it yourself." });
            }
          }}
        >
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
      </div>
      <p className="text-xs text-zinc-500">Share it only with people you want in: anyone signed in who has it can join.</p>
      <Button type="button" className="w-fit" onClick={onDone}>
        Done
      </Button>
    </CardContent>
  );
}

/** Makes a link with a role (at most the viewer's grantable ones), an expiry and an optional use limit. */
export function CreateInviteLinkForm({ action, roles }: { action: FormAction; roles: Role[] }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const [role, setRole] = useState<Role>(roles.includes("member") ? "member" : roles[0]!);
  const [expiresInDays, setExpiresInDays] = useState("7");
  const created = state.status === "success" && state !== dismissed ? (state.data as CreatedInviteLinkData) : null;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const values = state.status === "error" ? state.values : undefined;

  if (created) return <LinkShownOnce created={created} onDone={() => setDismissed(state)} />;

  return (
    <form action={formAction} noValidate className="border-t border-zinc-200">
      <CardContent className="grid gap-4 sm:grid-cols-3 sm:items-start">
        <div className="grid gap-1.5">
          <Label htmlFor="invite-link-role">Joins as</Label>
          <Select
            id="invite-link-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            aria-invalid={errors?.role ? true : undefined}
            aria-describedby="invite-link-role-message"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </Select>
          <p id="invite-link-role-message" className={errors?.role ? "text-sm text-red-600" : "text-xs text-zinc-500"}>
            {errors?.role?.[0] ?? ROLE_HINTS[role]}
          </p>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="invite-link-expiry">Expires</Label>
          <Select
            id="invite-link-expiry"
            name="expiresInDays"
            value={expiresInDays}
            onChange={(e) => setExpiresInDays(e.target.value)}
            aria-invalid={errors?.expiresInDays ? true : undefined}
            aria-describedby={errors?.expiresInDays ? "invite-link-expiry-message" : undefined}
          >
            <option value="1">In 1 day</option>
            <option value="7">In 7 days</option>
            <option value="30">In 30 days</option>
          </Select>
          {errors?.expiresInDays && (
            <p id="invite-link-expiry-message" className="text-sm text-red-600">
              {errors.expiresInDays[0]}
            </p>
          )}
        </div>
        <Field
          label="Uses allowed"
          name="maxUses"
          // Text, not number: a browser sends "" for "1e" in a number field, which would mean no limit.
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          placeholder="No limit"
          defaultValue={typeof values?.maxUses === "string" ? values.maxUses : undefined}
          key={typeof values?.maxUses === "string" ? values.maxUses : "maxUses"}
          error={errors?.maxUses}
          hint="Leave empty for no limit beyond the plan's seats."
          autoComplete="off"
        />
        <FormError state={state} className="sm:col-span-3" />
      </CardContent>
      <CardFooter>
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create invite link
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
