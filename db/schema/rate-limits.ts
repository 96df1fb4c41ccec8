import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Fixed-window counters, one row per key, in the database so that every server
// instance counts together (see lib/rate-limit).
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
