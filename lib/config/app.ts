/** Product names in one place: rename the app, or call tenants something else, here. */
export const APP_NAME = "Starter";

/** What the UI calls a tenant. Code, schema and URLs always say "tenant". */
export const TENANT_LABEL = { singular: "workspace", plural: "workspaces", title: "Workspace" } as const;

/** Where the app keeps local state: the embedded database, the dev auth secret. */
export const DATA_DIR = ".data";

/** Where "Contact us" on the enterprise plan writes to. */
export const SALES_EMAIL = "sales@example.com";
