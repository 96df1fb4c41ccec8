import { z } from "zod";

export const profileSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter your name." }).max(80, { error: "Use at most 80 characters." }),
});
export type ProfileInput = z.input<typeof profileSchema>;
