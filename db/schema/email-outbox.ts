import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// Mail that would have been sent, kept for development and tests when no SMTP
// server is configured (see lib/email). In the database, not in memory, so every
// server process and the test runner see the same messages.
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_created_at_idx").on(t.createdAt)],
);
