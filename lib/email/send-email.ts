import "server-only";
import type { Executor } from "@/db/client";
import { emailTransportOf, getEnv } from "@/lib/env/env";
import type { EmailMessage } from "./message";
import { saveToOutbox } from "./outbox";
import { sendViaSmtp } from "./smtp";

/**
 * Sends through SMTP when EMAIL_SERVER is set, else keeps the mail in the development
 * outbox. Inside a transaction, pass it: the outbox then writes through it (and on the
 * embedded database, a second connection would wait for the transaction forever).
 */
export async function sendEmail(message: EmailMessage, options: { executor?: Executor } = {}): Promise<void> {
  const env = getEnv();
  if (emailTransportOf(env) === "smtp" && env.EMAIL_SERVER && env.EMAIL_FROM) {
    await sendViaSmtp(env.EMAIL_SERVER, env.EMAIL_FROM, message);
  } else {
    await saveToOutbox(message, options.executor);
  }
}
