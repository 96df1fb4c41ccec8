"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";
import { Input } from "./input";
import { Label } from "./label";

type FieldProps = ComponentProps<"input"> & {
  label: string;
  name: string;
  error?: string[];
  hint?: ReactNode;
  prefix?: string;
};

/** A labelled input with its hint or error, wired for screen readers. */
export function Field({ label, name, error, hint, prefix, className, ...props }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error?.[0];
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center">
        {prefix && (
          <span className="flex h-9 items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-3 text-sm text-zinc-500">
            {prefix}
          </span>
        )}
        <Input
          id={id}
          name={name}
          aria-invalid={message ? true : undefined}
          aria-describedby={message || hint ? messageId : undefined}
          className={prefix ? "rounded-l-none" : undefined}
          {...props}
        />
      </div>
      {message ? (
        <p id={messageId} className="text-sm text-red-600">
          {message}
        </p>
      ) : hint ? (
        <p id={messageId} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
