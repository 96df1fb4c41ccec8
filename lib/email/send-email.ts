import "server-only";
import { emailTransportOf, getEnv } from "@/lib/env/env";
import type { EmailMessage } from "./message";
import { saveToOutbox } from "./outbox";
import { sendViaSmtp } from "./smtp";

/** Sends through SMTP when EMAIL_SERVER is set, else keeps the mail in the development outbox. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  const env = getEnv();
  if (emailTransportOf(env) === "smtp" && env.EMAIL_SERVER && env.EMAIL_FROM) {
    await sendViaSmtp(env.EMAIL_SERVER, env.EMAIL_FROM, message);
  } else {
    await saveToOutbox(message);
  }
}
