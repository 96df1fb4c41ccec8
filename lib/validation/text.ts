import { z } from "zod";

// Anything but control characters (C0, DEL, C1) and lone UTF-16 surrogates: Postgres
// refuses NUL in text, and the others are never meant as text. A surrogate pair matches
// the second branch without the regex `u` flag and the first with it, so JSON Schema
// validators (which add `u`) read this pattern from the OpenAPI document the same way.
const SINGLE_LINE = /^(?:[^\u0000-\u001f\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;
// The same, with tab, line feed and carriage return allowed.
const MULTI_LINE = /^(?:[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

export type TextOptions = {
  /** Most characters (Unicode code points, as JSON Schema's maxLength counts them), before trimming. */
  max: number;
  /** Starts the messages: "Name can be at most 120 characters." Without it: "Use at most 120 characters." */
  label?: string;
  /** Allows tab and line breaks (notes, descriptions); single-line fields refuse them. */
  multiline?: boolean;
  /** Makes blank (or only spaces) invalid, with this message. */
  required?: string;
  /** The message when the value is not a string at all. */
  invalidType?: string;
};

/**
 * A text field of any schema: no control characters, at most `max` characters, trimmed.
 * Every check runs on the value as sent, so the JSON Schema generated from it (pattern,
 * maxLength) describes exactly what is accepted.
 */
export function text({ max, label, multiline = false, required, invalidType }: TextOptions) {
  const control = multiline
    ? `${label ? `${label} can't` : "Can't"} contain control characters.`
    : `${label ? `${label} can't` : "Can't"} contain line breaks or control characters.`;
  const tooLong = label ? `${label} can be at most ${max} characters.` : `Use at most ${max} characters.`;
  let schema = z
    .string({ error: invalidType ?? (label ? `${label} must be text.` : "Must be text.") })
    .regex(multiline ? MULTI_LINE : SINGLE_LINE, { error: control })
    .refine((v) => codePoints(v) <= max, { error: tooLong })
    .meta({ maxLength: max });
  if (required) schema = schema.regex(/\S/, { error: required });
  return schema.trim();
}

/** An optional text field: missing, null, "" and blanks all become null. */
export function optionalText(options: Omit<TextOptions, "required">) {
  return text(options)
    .nullish()
    .transform((v) => v || null);
}

function codePoints(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
