import { z } from "zod";
import { API_SCOPES } from "@/lib/api-keys/scopes";
import { APP_NAME } from "@/lib/config/app";
import { customerQuerySchema, customerSchema } from "@/lib/customers/schemas";
import { customerResource } from "./customers";

const jsonSchema = (schema: z.ZodType, io: "input" | "output" = "input") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

// z.preprocess hides that empty fields may be left out: only the name is required.
const customerInput = { ...jsonSchema(customerSchema), required: ["name"] };
const customerPatch = { ...jsonSchema(customerSchema), required: [] };

const error = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const common = {
  "401": error("Missing, unknown, revoked or expired API key"),
  "403": error("The key lacks the scope, or the plan's limit is reached"),
  "429": { ...error("Too many requests for this key"), headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } },
};
const one = { description: "The customer", content: { "application/json": { schema: { type: "object", properties: { data: { $ref: "#/components/schemas/Customer" } }, required: ["data"] } } } };
const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const query = jsonSchema(customerQuerySchema) as { properties: Record<string, object> };

/** The OpenAPI 3.1 description of /api/v1, built from the zod schemas the app itself uses. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: `${APP_NAME} API`,
      version: "1.0.0",
      description: "A tenant's data, reached with an API key made on the workspace's API keys page. The key alone decides the workspace.",
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: `Authorization: Bearer sk_live_... Scopes: ${Object.keys(API_SCOPES).join(", ")}.` },
      },
      schemas: {
        Customer: jsonSchema(customerResource, "output"),
        CustomerInput: customerInput,
        CustomerPatch: customerPatch,
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                details: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Messages per field" },
              },
            },
          },
        },
      },
    },
    paths: {
      "/customers": {
        get: {
          summary: "List customers, newest first",
          description: "Scope customers:read. Follow next_cursor for the next page.",
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: "query", required: false, schema })),
          responses: {
            "200": {
              description: "A page of customers",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["data", "next_cursor"],
                    properties: { data: { type: "array", items: { $ref: "#/components/schemas/Customer" } }, next_cursor: { type: ["string", "null"] } },
                  },
                },
              },
            },
            ...common,
          },
        },
        post: {
          summary: "Create a customer",
          description: "Scope customers:write.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CustomerInput" } } } },
          responses: { "201": one, "400": error("The body is not JSON"), "422": error("Invalid fields; details per field"), ...common },
        },
      },
      "/customers/{id}": {
        parameters: [idParam],
        get: { summary: "Read a customer", description: "Scope customers:read.", responses: { "200": one, "404": error("No such customer in this workspace"), ...common } },
        patch: {
          summary: "Change some fields of a customer",
          description: "Scope customers:write.",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CustomerPatch" } } } },
          responses: { "200": one, "404": error("No such customer in this workspace"), "422": error("Invalid fields"), ...common },
        },
        delete: {
          summary: "Delete a customer",
          description: "Scope customers:write.",
          responses: { "204": { description: "Deleted" }, "404": error("No such customer in this workspace"), ...common },
        },
      },
    },
  };
}
