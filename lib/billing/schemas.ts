import { z } from "zod";
import { BILLING_INTERVALS } from "@/lib/plans/plans";

export const checkoutSchema = z.object({
  planId: z.enum(["pro", "business"], { error: "Choose a plan." }),
  interval: z.enum(BILLING_INTERVALS, { error: "Choose monthly or yearly." }),
});
export type CheckoutInput = z.input<typeof checkoutSchema>;
