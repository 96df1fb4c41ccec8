/** The getting-started steps of a new workspace, in the order the dashboard lists them. */
export const ONBOARDING_STEPS = ["invite", "customer", "apiKey", "plan"] as const;
export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
