export * from "./auth";
export * from "./tenants";
export * from "./email-outbox";
