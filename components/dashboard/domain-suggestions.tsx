import { Building2 } from "@/components/ui/icons";
import { Card, CardContent } from "@/components/ui/card";
import type { FormAction } from "@/lib/actions/run-action";
import type { DomainSuggestion } from "@/lib/tenancy/context";
import { JoinSuggestionForm } from "./join-suggestion-form";

/**
 * Workspaces the viewer may join through their verified email's domain, each with its Join
 * button. Drawn on the server: only the button's form is client code, and a small one, since
 * every dashboard loads it whether or not it has a suggestion to show.
 */
export function DomainSuggestions({ suggestions, join }: { suggestions: DomainSuggestion[]; join: FormAction }) {
  if (suggestions.length === 0) return null;
  return (
    <div className="grid gap-3" aria-label="Workspaces you can join" role="group">
      {suggestions.map((suggestion) => (
        <Card key={suggestion.tenantId} data-testid="domain-suggestion">
          <CardContent>
            <JoinSuggestionForm action={join} tenantId={suggestion.tenantId} tenantName={suggestion.tenantName}>
              <Building2 className="size-5 shrink-0 text-zinc-500" aria-hidden />
              <div className="min-w-0 flex-1 basis-56">
                <h2 className="font-semibold">Join {suggestion.tenantName}</h2>
                <p className="text-sm text-zinc-500">People at {suggestion.domain} can join. Your verified email address is there.</p>
              </div>
            </JoinSuggestionForm>
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
