"use client";

import { Building2 } from "lucide-react";
import { useActionState } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";
import type { DomainSuggestion } from "@/lib/domains/types";

function SuggestionCard({ suggestion, join }: { suggestion: DomainSuggestion; join: FormAction }) {
  const [state, formAction, pending] = useActionState(join, idle);
  return (
    <Card data-testid="domain-suggestion">
      <CardContent className="grid gap-3">
        <form action={formAction} className="flex flex-wrap items-center gap-x-4 gap-y-3">
          <input type="hidden" name="tenantId" value={suggestion.tenantId} />
          <Building2 className="size-5 shrink-0 text-zinc-500" aria-hidden />
          <div className="min-w-0 flex-1 basis-56">
            <h2 className="font-semibold">Join {suggestion.tenantName}</h2>
            <p className="text-sm text-zinc-500">People at {suggestion.domain} can join. Your verified email address is there.</p>
          </div>
          <SubmitButton pending={pending} pendingLabel="Joining…" aria-label={`Join ${suggestion.tenantName}`}>
            Join
          </SubmitButton>
        </form>
        <FormError state={state} />
      </CardContent>
    </Card>
  );
}

/** Workspaces the viewer may join through their verified email's domain, each with its Join button. */
export function DomainSuggestions({ suggestions, join }: { suggestions: DomainSuggestion[]; join: FormAction }) {
  if (suggestions.length === 0) return null;
  return (
    <div className="grid gap-3" aria-label="Workspaces you can join" role="group">
      {suggestions.map((suggestion) => (
        <SuggestionCard key={suggestion.tenantId} suggestion={suggestion} join={join} />
      ))}
    </div>
  );
}
