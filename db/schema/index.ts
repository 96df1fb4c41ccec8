export * from "./auth";
export * from "./tenants";
export * from "./invitations";
export * from "./activity";
export * from "./email-outbox";
export * from "./rate-limits";
export * from "./billing";
export * from "./customers";
