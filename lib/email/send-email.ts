import "server-only";
import type { Executor } from "@/db/client";
import { emailTransportOf, getEnv } from "@/lib/env/env";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { JobPayload } from "@/lib/jobs/definitions";
import { sealerFor } from "@/lib/security/sealed";
import type { EmailMessage } from "./message";
import { saveToOutbox } from "./outbox";
import { sendViaSmtp } from "./smtp";

// A queued email waits in the jobs table, and its body holds sign-in and invitation links.
const sealed = sealerFor("email-job");

/**
 * Queues a message; the `email-send` job delivers it, retrying with backoff while the
 * mail server refuses. Inside a transaction, pass it: the mail then goes only if the
 * change it tells of is committed.
 */
export async function sendEmail(message: EmailMessage, options: { executor?: Executor } = {}): Promise<void> {
  const { to, subject, ...body } = message;
  await enqueueJob("email-send", { to, subject, sealed: sealed.seal(body) }, { executor: options.executor });
}

/** The `email-send` job: through SMTP when EMAIL_SERVER is set, else into the development outbox. */
export async function deliverEmail(payload: JobPayload<"email-send">): Promise<void> {
  const message: EmailMessage = { to: payload.to, subject: payload.subject, ...sealed.unseal<Pick<EmailMessage, "text" | "html">>(payload.sealed) };
  const env = getEnv();
  if (emailTransportOf(env) === "smtp" && env.EMAIL_SERVER && env.EMAIL_FROM) {
    await sendViaSmtp(env.EMAIL_SERVER, env.EMAIL_FROM, message);
  } else {
    await saveToOutbox(message);
  }
}
