import { APP_NAME } from "@/lib/config/app";

export function accountDeletedEmail(input: { email: string }) {
  const subject = `Your ${APP_NAME} account was deleted`;
  const text = [
    `The ${APP_NAME} account of ${input.email} was deleted, as you asked. You have been signed out everywhere.`,
    "",
    "Workspaces you were the only member of are deleted with it and erased for good after 30 days.",
    "If you did not ask for this, reply to this email right away.",
  ].join("\n");
  return { subject, text };
}
