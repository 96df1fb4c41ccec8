"use client";

import { useActionState, useState } from "react";
import { CardContent, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormError, FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionState } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";
import { SecretShownOnce } from "@/components/ui/secret-shown-once";

export type EventTypeOption = { id: string; label: string };
type Values = { id?: string; url: string; description: string; eventTypes: string[] };

/** Adding an endpoint (then its secret, once) or changing one. */
export function EndpointForm({ action, eventTypes, endpoint, urlHint }: { action: FormAction; eventTypes: EventTypeOption[]; endpoint?: Values; urlHint: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const [round, setRound] = useState(0);
  const created = state.status === "success" && state !== dismissed ? (state.data as { secret?: string; url?: string } | undefined) : undefined;
  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const sent = state.status === "error" ? state.values : undefined;
  const value = (name: string, fallback: string) => (typeof sent?.[name] === "string" ? (sent[name] as string) : fallback);
  const checked = (id: string) => (sent ? [sent.eventTypes ?? []].flat().includes(id) : (endpoint?.eventTypes.includes(id) ?? false));
  // Uncontrolled, like every field here: React resets a form after its action, and a
  // controlled radio would then come back unchecked without a re-render.
  const scope = value("events", endpoint && endpoint.eventTypes.length > 0 ? "selected" : "all");

  if (created?.secret) {
    return (
      <CardContent>
        <SecretShownOnce
          label="Signing secret"
          id="webhook-secret"
          secret={created.secret}
          message={`The endpoint ${created.url} was added. Copy its signing secret now: it is shown only this once. Receivers verify each delivery with it.`}
          onDone={() => {
            setDismissed(state);
            setRound((r) => r + 1);
          }}
        />
      </CardContent>
    );
  }

  return (
    // A new round after each endpoint added empties the form for the next.
    <form action={formAction} noValidate key={round}>
      {endpoint?.id && <input type="hidden" name="id" value={endpoint.id} />}
      <CardContent className="grid gap-4">
        <Field
          label="URL"
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://example.com/webhooks"
          defaultValue={value("url", endpoint?.url ?? "")}
          error={errors?.url}
          hint={urlHint}
          maxLength={2000}
          required
          autoComplete="off"
        />
        <Field
          label="Description"
          name="description"
          placeholder="e.g. CRM sync"
          defaultValue={value("description", endpoint?.description ?? "")}
          error={errors?.description}
          hint="Optional, up to 200 characters."
          maxLength={200}
          autoComplete="off"
        />
        <fieldset className="group grid gap-2" aria-describedby={errors?.eventTypes ? "webhook-events-error" : undefined}>
          <legend className="mb-1 text-sm font-medium">Events</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="events" value="all" defaultChecked={scope === "all"} className="size-4 accent-zinc-900" />
            Every event, including types added later
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="events" value="selected" defaultChecked={scope === "selected"} className="size-4 accent-zinc-900" />
            Only these:
          </label>
          {/* Not dimmed while "every event" is chosen (dimmed text fails contrast); the ticks are then ignored. */}
          <div className="grid gap-1.5 pl-6 sm:grid-cols-2">
            {eventTypes.map((type) => (
              <label key={type.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="eventTypes" value={type.id} defaultChecked={checked(type.id)} className="mt-0.5 size-4 shrink-0 accent-zinc-900" />
                <span className="min-w-0">
                  <code className="rounded bg-zinc-100 px-1 py-0.5 text-xs break-all">{type.id}</code> <span className="text-zinc-600">{type.label}</span>
                </span>
              </label>
            ))}
          </div>
          {errors?.eventTypes && (
            <p id="webhook-events-error" className="text-sm text-red-600">
              {errors.eventTypes[0]}
            </p>
          )}
        </fieldset>
        {endpoint && state.status === "success" && <FormMessage tone="success">Saved.</FormMessage>}
        <FormError state={state} />
      </CardContent>
      <CardFooter>
        <SubmitButton pending={pending} pendingLabel={endpoint ? "Saving…" : "Adding…"}>
          {endpoint ? "Save changes" : "Add endpoint"}
        </SubmitButton>
      </CardFooter>
    </form>
  );
}
