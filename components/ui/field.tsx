"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { CharacterCount, useCharacterCount } from "./character-count";
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
export function Field({ label, name, error, hint, prefix, className, maxLength, onInput, ...props }: FieldProps) {
  const id = useId();
  const messageId = `${id}-message`;
  const countId = `${id}-count`;
  const message = error?.[0];
  const counter = useCharacterCount(maxLength, props.value ?? props.defaultValue);
  const length = props.value !== undefined ? String(props.value).length : counter.length;
  const describedBy = [message || hint ? messageId : null, maxLength !== undefined ? countId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("grid gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center">
        {prefix && (
          <span className="flex h-9 items-center rounded-l-md border border-r-0 border-zinc-300 bg-zinc-100 px-3 text-sm text-zinc-600">
            {prefix}
          </span>
        )}
        <Input
          id={id}
          name={name}
          aria-invalid={message || (maxLength !== undefined && length > maxLength) ? true : undefined}
          aria-describedby={describedBy}
          className={prefix ? "rounded-l-none" : undefined}
          onInput={(event) => {
            counter.onInput(event);
            onInput?.(event);
          }}
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
      {maxLength !== undefined && <CharacterCount id={countId} length={length} limit={maxLength} />}
    </div>
  );
}
