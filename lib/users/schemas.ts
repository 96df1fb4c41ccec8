import { z } from "zod";
import { text } from "@/lib/validation/text";

export const profileSchema = z.object({
  name: text({ max: 80, required: "Enter your name.", invalidType: "Enter your name." }),
});
export type ProfileInput = z.input<typeof profileSchema>;
