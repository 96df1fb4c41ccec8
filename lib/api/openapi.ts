import { API_SCOPES } from "@/lib/api-keys/scopes";
import { APP_NAME } from "@/lib/config/app";
import { customerQuerySchema } from "@/lib/customers/schemas";
import { always, idempotencyKeyHeader, json, jsonSchema, status } from "./openapi-parts";
import { webhookDocuments, workspacePaths, workspaceSchemas } from "./openapi-workspace";
import { customerResource } from "@/lib/resources/customer";
import { customerCreateBody, customerPatchBody } from "./customers";

const one = (description: string) => ({
  description,
  content: json({ type: "object", properties: { data: { $ref: "#/components/schemas/Customer" } }, required: ["data"], additionalProperties: false }),
});
const idParam = { name: "id", in: "path", required: true, description: "The customer's id", schema: { type: "string", format: "uuid" } };
const body = (ref: string) => ({ required: true, content: json({ $ref: ref }) });

// The query parameters, from the schema GET /customers parses them with.
const queryParameters = Object.entries((jsonSchema(customerQuerySchema) as { properties: Record<string, { description?: string }> }).properties).map(
  ([name, { description, ...schema }]) => ({ name, in: "query", required: false, description, schema }),
);

const textRules =
  "Text is trimmed; optional fields that are empty or null are stored as null. email must be a valid address; phone takes digits, spaces and + ( ) - . with at least five digits.";

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
      { name: "Customers", description: "The people and companies a workspace works with" },
      { name: "Workspace", description: "The workspace itself, its members, invitations and activity log" },
      { name: "Webhooks", description: "Endpoints the workspace's events are sent to, and the events themselves" },
    ],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `Authorization: Bearer sk_live_... Scopes: ${Object.keys(API_SCOPES).join(", ")}.` },
      },
      schemas: {
        Customer: jsonSchema(customerResource, "output"),
        CustomerInput: { ...jsonSchema(customerCreateBody), description: textRules },
        CustomerPatch: { ...jsonSchema(customerPatchBody), description: `Only the fields sent change. ${textRules}` },
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
      "/customers": {
        get: {
          operationId: "listCustomers",
          tags: ["Customers"],
          summary: "List customers, newest first",
          description: "Scope customers:read. Follow next_cursor for the next page.",
          parameters: queryParameters,
          responses: {
            "200": {
              description: "A page of customers",
              content: json({
                type: "object",
                required: ["data", "next_cursor"],
                additionalProperties: false,
                properties: { data: { type: "array", items: { $ref: "#/components/schemas/Customer" } }, next_cursor: { type: ["string", "null"] } },
              }),
            },
            ...always,
            "403": status.forbidden,
            "422": status.badQuery,
          },
        },
        post: {
          operationId: "createCustomer",
          tags: ["Customers"],
          summary: "Create a customer",
          description: "Scope customers:write.",
          parameters: [idempotencyKeyHeader],
          requestBody: body("#/components/schemas/CustomerInput"),
          responses: {
            "201": one("The new customer"),
            ...always,
            "400": status.invalidJson,
            "403": status.forbiddenOrLimit,
            "409": status.conflict,
            "413": status.tooLarge,
            "415": status.notJson,
            "422": status.badBody,
          },
        },
      },
      "/customers/{id}": {
        parameters: [idParam],
        get: {
          operationId: "getCustomer",
          tags: ["Customers"],
          summary: "Read a customer",
          description: "Scope customers:read.",
          responses: { "200": one("The customer"), ...always, "403": status.forbidden, "404": status.notFound },
        },
        patch: {
          operationId: "updateCustomer",
          tags: ["Customers"],
          summary: "Change some fields of a customer",
          description: "Scope customers:write.",
          requestBody: body("#/components/schemas/CustomerPatch"),
          responses: {
            "200": one("The changed customer"),
            ...always,
            "400": status.invalidJson,
            "403": status.forbidden,
            "404": status.notFound,
            "413": status.tooLarge,
            "415": status.notJson,
            "422": status.badBody,
          },
        },
        delete: {
          operationId: "deleteCustomer",
          tags: ["Customers"],
          summary: "Delete a customer",
          description: "Scope customers:write.",
          responses: { "204": { description: "Deleted" }, ...always, "403": status.forbidden, "404": status.notFound },
        },
      },
      ...workspacePaths(),
    },
    webhooks: webhookDocuments(),
  };
}
