import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "h-9 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 text-base shadow-sm placeholder:text-zinc-400 focus-visible:border-zinc-900 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-zinc-900/20 disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500 aria-invalid:ring-red-500/20 sm:text-sm",
        className,
      )}
      {...props}
    />
  );
}
