import type { z } from "zod";
import { always, idempotencyKeyHeader, json, jsonSchema, status } from "./openapi-parts";

/** What the API serves of a declared resource: the zod schemas its routes parse and answer with. */
export type CrudApi = {
  /** Names in the document: `Customer` gives Customer, CustomerInput, CustomerPatch, listCustomers... */
  name: { one: string; many: string };
  /** The resource in sentences ("customer", "customers"), and the tag's description. */
  label: { one: string; many: string };
  description: string;
  resource: z.ZodType;
  create: z.ZodType;
  patch: z.ZodType;
  query: z.ZodType;
  /** How the fields are checked, in words, for the input schemas. */
  rules: string;
};

const ref = (name: string) => `#/components/schemas/${name}`;

/** The schemas and the five operations (list, create, read, change, delete) of `/{key}` and `/{key}/{id}`. */
export function crudDocument(key: string, api: CrudApi) {
  const { name, label } = api;
  const scope = (access: "read" | "write") => `Scope ${key}:${access}.`;
  const one = (description: string) => ({
    description,
    content: json({ type: "object", properties: { data: { $ref: ref(name.one) } }, required: ["data"], additionalProperties: false }),
  });
  const body = (schema: string) => ({ required: true, content: json({ $ref: ref(schema) }) });
  const notFound = { ...status.notFound, description: `No such ${label.one} in this workspace (not_found). An id that is not a UUID is not found either.` };
  const forbiddenOrLimit = {
    ...status.forbiddenOrLimit,
    description: `The key lacks the scope, or its creator is no longer a member (forbidden); or the plan's ${label.one} limit is reached (limit_reached)`,
  };
  const queryParameters = Object.entries((jsonSchema(api.query) as { properties: Record<string, { description?: string }> }).properties).map(
    ([param, { description, ...schema }]) => ({ name: param, in: "query", required: false, description, schema }),
  );
  const tag = name.many;
  return {
    tag: { name: tag, description: api.description },
    schemas: {
      [name.one]: jsonSchema(api.resource, "output"),
      [`${name.one}Input`]: { ...jsonSchema(api.create), description: api.rules },
      [`${name.one}Patch`]: { ...jsonSchema(api.patch), description: `Only the fields sent change. ${api.rules}` },
    },
    paths: {
      [`/${key}`]: {
        get: {
          operationId: `list${name.many}`,
          tags: [tag],
          summary: `List ${label.many}, newest first`,
          description: `${scope("read")} Follow next_cursor for the next page.`,
          parameters: queryParameters,
          responses: {
            "200": {
              description: `A page of ${label.many}`,
              content: json({
                type: "object",
                required: ["data", "next_cursor"],
                additionalProperties: false,
                properties: { data: { type: "array", items: { $ref: ref(name.one) } }, next_cursor: { type: ["string", "null"] } },
              }),
            },
            ...always,
            "403": status.forbidden,
            "422": status.badQuery,
          },
        },
        post: {
          operationId: `create${name.one}`,
          tags: [tag],
          summary: `Create a ${label.one}`,
          description: scope("write"),
          parameters: [idempotencyKeyHeader],
          requestBody: body(`${name.one}Input`),
          responses: {
            "201": one(`The new ${label.one}`),
            ...always,
            "400": status.invalidJson,
            "403": forbiddenOrLimit,
            "409": status.conflict,
            "413": status.tooLarge,
            "415": status.notJson,
            "422": status.badBody,
          },
        },
      },
      [`/${key}/{id}`]: {
        parameters: [{ name: "id", in: "path", required: true, description: `The ${label.one}'s id`, schema: { type: "string", format: "uuid" } }],
        get: {
          operationId: `get${name.one}`,
          tags: [tag],
          summary: `Read a ${label.one}`,
          description: scope("read"),
          responses: { "200": one(`The ${label.one}`), ...always, "403": status.forbidden, "404": notFound },
        },
        patch: {
          operationId: `update${name.one}`,
          tags: [tag],
          summary: `Change some fields of a ${label.one}`,
          description: scope("write"),
          requestBody: body(`${name.one}Patch`),
          responses: {
            "200": one(`The changed ${label.one}`),
            ...always,
            "400": status.invalidJson,
            "403": status.forbidden,
            "404": notFound,
            "413": status.tooLarge,
            "415": status.notJson,
            "422": status.badBody,
          },
        },
        delete: {
          operationId: `delete${name.one}`,
          tags: [tag],
          summary: `Delete a ${label.one}`,
          description: scope("write"),
          responses: { "204": { description: "Deleted" }, ...always, "403": status.forbidden, "404": notFound },
        },
      },
    },
  };
}
