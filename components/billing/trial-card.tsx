import { CalendarDays } from "@/components/ui/icons";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { Plan } from "@/lib/plans/plans";
import { daysLeftLabel } from "./trial-days";

/** A running free trial: when it ends, and what happens then with and without a subscription. */
/** `carried`: far enough from its end for Stripe to carry the trial on (48 hours or more). */
export function TrialCard({ plan, endsOn, endsAt, carried }: { plan: Plan; endsOn: string; endsAt: Date; carried: boolean }) {
  return (
    <Card data-testid="trial-card" className="border-sky-200 bg-sky-50">
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-sky-950">
          <CalendarDays className="size-4 shrink-0" aria-hidden />
          {plan.name} trial, ends on {endsOn} ({daysLeftLabel(endsAt)})
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-2 text-sm text-sky-900">
        <p>
          Subscribe before then to keep the {plan.name} plan.{" "}
          {carried ? "Your card is charged only when the trial ends." : "This close to the end, subscribing starts the paid plan at once."}
        </p>
        <p>Otherwise the workspace returns to the Free plan on {endsOn}. Nothing is deleted; adding more than Free allows then needs a paid plan.</p>
      </CardContent>
    </Card>
  );
}
