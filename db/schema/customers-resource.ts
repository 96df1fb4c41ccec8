import { defineResource } from "../resource";

/** The customers table (./customers.ts) as the rest of the app knows it: see db/resource.ts. */
export const customersResource = defineResource({
  key: "customers",
  label: { one: "customer", many: "customers" },
  event: "customer",
  writers: ["owner", "admin", "member"],
  activity: ["created", "updated", "deleted", "restored"],
  limited: true,
  api: true,
  exported: ["id", "name", "company", "email", "phone", "notes", "createdAt", "updatedAt"],
});
