import { CircleAlert, CircleCheck } from "@/components/ui/icons";
import Link from "next/link";
import type { ActionState } from "@/lib/actions/action-state";
import type { ErrorLink } from "@/lib/errors";
import { cn } from "./cn";

export function FormMessage({
  tone,
  children,
  className,
  link,
}: {
  tone: "error" | "success";
  children: React.ReactNode;
  className?: string;
  link?: ErrorLink;
}) {
  const Icon = tone === "error" ? CircleAlert : CircleCheck;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "flex items-start gap-2 rounded-md px-3 py-2 text-sm",
        tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800",
        className,
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span className="min-w-0 [overflow-wrap:anywhere]">
        {children}
        {link && (
          <>
            {" "}
            <Link href={link.href} className="font-medium underline underline-offset-2">
              {link.label}
            </Link>
          </>
        )}
      </span>
    </p>
  );
}

/** The form's own error (not a field's): what went wrong, with a link to the fix if there is one. */
export function FormError({ state, className }: { state: ActionState; className?: string }) {
  if (state.status !== "error" || state.fieldErrors) return null;
  return (
    <FormMessage tone="error" className={className} link={state.link}>
      {state.message}
    </FormMessage>
  );
}
