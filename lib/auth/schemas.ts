import { z } from "zod";
import { text } from "@/lib/validation/text";

export const emailSchema = text({ max: 254, required: "Enter your email address.", invalidType: "Enter your email address." })
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com." }));

export const emailSignInSchema = z.object({
  email: emailSchema,
  // A hidden field: one that is not plain text is dropped (sign-in returns home) rather than shown as an error.
  callbackUrl: text({ max: 2000 }).optional().catch(undefined),
});
