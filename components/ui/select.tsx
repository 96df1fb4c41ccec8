import { ChevronDown } from "@/components/ui/icons";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A styled native select: keyboard, screen readers and phones already know it. */
export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <div className="relative">
      <select
        className={cn(
          "h-9 w-full appearance-none rounded-md border border-zinc-300 bg-white pr-8 pl-3 text-base shadow-sm focus-visible:border-zinc-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-zinc-900/20 aria-invalid:border-red-500 sm:text-sm",
          className,
        )}
        {...props}
      />
      <ChevronDown className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-zinc-500" aria-hidden />
    </div>
  );
}
