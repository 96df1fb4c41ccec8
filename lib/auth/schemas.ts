import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter your email address." })
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like you@example.com." }));

export const emailSignInSchema = z.object({
  email: emailSchema,
  callbackUrl: z.string().optional(),
});
