import { API_SCOPES } from "@/lib/api-keys/scopes";
import { APP_NAME } from "@/lib/config/app";
import { crudDocument } from "./openapi-crud";
import { webhookDocuments, workspacePaths, workspaceSchemas } from "./openapi-workspace";
import { API_RESOURCES } from "./resources";

const resources = Object.entries(API_RESOURCES).map(([key, api]) => crudDocument(key, api));
type Crud = ReturnType<typeof crudDocument>;
const merged = <K extends "schemas" | "paths">(part: K) => Object.assign({}, ...resources.map((r) => r[part])) as Crud[K];

/** The OpenAPI 3.1 description of /api/v1, built from the zod schemas the API itself parses with. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: `${APP_NAME} API`,
      version: "1.0.0",
      description: "A tenant's data, reached with an API key made on the workspace's API keys page. The key alone decides the workspace.",
      license: { name: "MIT", identifier: "MIT" },
    },
    // Relative to where this document is served (/api/v1/openapi.json): right on every deployment.
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: [
      ...resources.map((r) => r.tag),
      { name: "Workspace", description: "The workspace itself, its members, invitations and activity log" },
      { name: "Webhooks", description: "Endpoints the workspace's events are sent to, and the events themselves" },
    ],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `Authorization: Bearer sk_live_... Scopes: ${Object.keys(API_SCOPES).join(", ")}.` },
      },
      schemas: {
        ...merged("schemas"),
        ...workspaceSchemas(),
        Error: {
          type: "object",
          required: ["error"],
          additionalProperties: false,
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              additionalProperties: false,
              properties: {
                code: { type: "string", description: "Stable, for programs: validation_failed, not_found, rate_limited..." },
                message: { type: "string", description: "For people" },
                details: {
                  type: "object",
                  additionalProperties: { type: "array", items: { type: "string" } },
                  description: "Messages per field or query parameter; _form for the body as a whole",
                },
              },
            },
          },
        },
      },
    },
    paths: {
      ...merged("paths"),
      ...workspacePaths(),
    },
    webhooks: webhookDocuments(),
  };
}
