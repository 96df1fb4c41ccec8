"use client";

import { useState, type FormEvent } from "react";

/**
 * Counts a field's characters against its limit. The input gets no native maxLength,
 * which cuts a paste short without a word; the count says so instead, and the server
 * refuses what is too long with the same limit.
 */
export function useCharacterCount(limit: number | undefined, initial: unknown) {
  const [length, setLength] = useState(() => String(initial ?? "").length);
  return {
    length,
    onInput: (event: FormEvent<HTMLInputElement | HTMLTextAreaElement>) => setLength(event.currentTarget.value.length),
    over: limit !== undefined && length > limit,
  };
}

/** "96/120" once near the limit, "5 characters too many" past it; the limit is always told to screen readers. */
export function CharacterCount({ id, length, limit }: { id: string; length: number; limit: number }) {
  const over = length - limit;
  if (over > 0) {
    return (
      <p id={id} className="text-sm text-red-600" data-testid="character-count">
        {over.toLocaleString("en")} character{over === 1 ? "" : "s"} too many: {length.toLocaleString("en")}/{limit.toLocaleString("en")}.
      </p>
    );
  }
  return (
    <p id={id} className="text-right text-xs text-zinc-500" data-testid="character-count">
      <span className="sr-only">Up to {limit.toLocaleString("en")} characters.</span>
      {length >= limit * 0.8 && (
        <span aria-hidden>
          {length.toLocaleString("en")}/{limit.toLocaleString("en")}
        </span>
      )}
    </p>
  );
}
