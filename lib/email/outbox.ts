import "server-only";
import { desc } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { emailTransportOf, getEnv } from "@/lib/env/env";
import type { EmailMessage } from "./message";

export type OutboxMessage = typeof emailOutbox.$inferSelect;

/** The outbox is in use only when no SMTP server is, or when asked for (who may read it: ./outbox-access.ts). */
export function isOutboxEnabled(): boolean {
  return emailTransportOf(getEnv()) === "outbox";
}

export async function saveToOutbox(message: EmailMessage, executor: Executor = db): Promise<void> {
  await executor.insert(emailOutbox).values(message);
  const links = message.text.match(/https?:\/\/\S+/g) ?? [];
  console.info(
    [`[outbox] To: ${message.to} | ${message.subject}`, ...links.map((l) => `[outbox]   ${l}`), "[outbox] (read it at /dev/outbox)"].join("\n"),
  );
}

export async function listOutbox(limit = 50): Promise<OutboxMessage[]> {
  return db.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
