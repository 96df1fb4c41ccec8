import { Circle, CircleCheck } from "@/components/ui/icons";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OnboardingStep } from "@/lib/dashboard/steps";

export type ChecklistStep = { step: OnboardingStep; done: boolean; href: string };

const COPY: Record<OnboardingStep, { title: string; text: string }> = {
  invite: { title: "Invite a teammate", text: "Work together: they get an email with a link to join." },
  customer: { title: "Add a customer", text: "The records your team manages here." },
  apiKey: { title: "Create an API key", text: "Let your own systems read and write this workspace's data." },
  plan: { title: "Choose a plan", text: "More seats, customers and keys when you need them." },
};

/** Getting started: the steps this member's role can take, ticked as they happen. */
export function OnboardingChecklist({ steps, dismiss }: { steps: ChecklistStep[]; dismiss: () => Promise<void> }) {
  const done = steps.filter((s) => s.done).length;
  const all = done === steps.length;
  return (
    <Card data-testid="onboarding">
      <CardHeader className="flex flex-wrap items-start justify-between gap-2">
        <div className="grid gap-1">
          <CardTitle>{all ? "You're all set" : "Get started"}</CardTitle>
          <CardDescription>
            {all ? "Everything is in place. You can hide this list." : `${done} of ${steps.length} done.`}
          </CardDescription>
        </div>
        <form action={dismiss}>
          <Button type="submit" variant="ghost" size="sm">
            {all ? "Hide" : "Dismiss"}
          </Button>
        </form>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3 sm:grid-cols-2">
          {steps.map(({ step, done: ticked, href }) => (
            <li key={step} className="flex items-start gap-3" data-done={ticked || undefined} data-testid={`onboarding-${step}`}>
              {ticked ? <CircleCheck className="mt-0.5 size-5 shrink-0 text-emerald-600" aria-hidden /> : <Circle className="mt-0.5 size-5 shrink-0 text-zinc-300" aria-hidden />}
              <div className="min-w-0">
                {ticked ? (
                  <p className="font-medium text-zinc-500 line-through decoration-zinc-300">{COPY[step].title}</p>
                ) : (
                  <Link href={href} className="font-medium underline-offset-4 hover:underline">
                    {COPY[step].title}
                  </Link>
                )}
                <p className="text-sm text-zinc-500">
                  <span className="sr-only">{ticked ? "Done. " : "To do. "}</span>
                  {COPY[step].text}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
