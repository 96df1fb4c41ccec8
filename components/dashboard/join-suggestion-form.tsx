"use client";

import { useActionState, type ReactNode } from "react";
import { buttonVariants } from "@/components/ui/button-variants";
import { idle } from "@/lib/actions/action-state";
import type { FormAction } from "@/lib/actions/run-action";

// No Button, no lucide, no FormError: those bring tailwind-merge and lucide's client code to
// every dashboard. The action opens the joined workspace itself; only a refusal comes back.
export function JoinSuggestionForm({ action, tenantId, tenantName, children }: { action: FormAction; tenantId: string; tenantName: string; children: ReactNode }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-x-4 gap-y-3">
      <input type="hidden" name="tenantId" value={tenantId} />
      {children}
      <button type="submit" className={buttonVariants()} disabled={pending} aria-busy={pending || undefined} aria-label={`Join ${tenantName}`}>
        {pending && <span className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent" aria-hidden />}
        {pending ? "Joining…" : "Join"}
      </button>
      {state.status === "error" && (
        <p role="alert" className="basis-full text-sm text-red-600">
          {state.message}
        </p>
      )}
    </form>
  );
}
