import { createConfig, lintFromString } from "@redocly/openapi-core";
import { describe, expect, it } from "vitest";
import { WEBHOOK_EVENT_TYPE_IDS } from "@/lib/webhooks/event-types";
import { openApiDocument } from "./openapi";
import { API_RESOURCES } from "./resources";

describe("the OpenAPI document", () => {
  it("passes Redocly's recommended rules with no error and no warning", async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({ source: JSON.stringify(openApiDocument()), absoluteRef: "openapi.json", config });
    const described = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(described).toEqual([]);
  });

  it("names every operation and declares the errors every operation can answer", () => {
    const doc = openApiDocument();
    const operations = Object.values(doc.paths).flatMap((item) => Object.entries(item).filter(([method]) => method !== "parameters"));
    // Each resource the API serves, in its declared order, then the workspace's own.
    const crud = Object.values(API_RESOURCES).flatMap(({ name }) => [`list${name.many}`, `create${name.one}`, `get${name.one}`, `update${name.one}`, `delete${name.one}`]);
    expect(crud.slice(0, 5)).toEqual(["listCustomers", "createCustomer", "getCustomer", "updateCustomer", "deleteCustomer"]);
    expect(operations.map(([, op]) => (op as { operationId: string }).operationId)).toEqual([
      ...crud,
      "getWorkspace",
      "listMembers",
      "listInvitations",
      "createInvitation",
      "revokeInvitation",
      "listActivity",
      "listWebhookEndpoints",
      "createWebhookEndpoint",
      "getWebhookEndpoint",
      "updateWebhookEndpoint",
      "deleteWebhookEndpoint",
    ]);
    for (const [method, op] of operations) {
      const { responses, parameters = [] } = op as { responses: object; parameters?: { name: string }[] };
      const statuses = Object.keys(responses);
      expect(statuses).toEqual(expect.arrayContaining(["401", "403", "429", "500", "503"]));
      if (method === "post" || method === "patch") expect(statuses).toEqual(expect.arrayContaining(["400", "413", "415", "422"]));
      // Every POST takes an Idempotency-Key, and may meet its first request still running.
      if (method === "post") {
        expect(statuses).toContain("409");
        expect(parameters.map((p) => p.name)).toContain("Idempotency-Key");
      }
    }
    expect(doc.info.license).toEqual({ name: "MIT", identifier: "MIT" });
  });

  it("publishes every webhook event's payload as an OpenAPI 3.1 webhook", () => {
    const { webhooks } = openApiDocument();
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPE_IDS, "webhook.test"].sort());
    const created = webhooks["customer.created"]!.post;
    expect(created.parameters.map((p) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(created.requestBody.content["application/json"].schema).toMatchObject({
      required: expect.arrayContaining(["id", "type", "version", "timestamp", "workspace_id", "data"]),
      properties: { type: { const: "customer.created" }, version: { const: 1 } },
    });
  });

  it("states the list's query limits exactly as GET /customers checks them", () => {
    const paths = openApiDocument().paths as unknown as Record<string, { get: { parameters: { name: string; schema: unknown }[] } }>;
    const params = Object.fromEntries(paths["/customers"]!.get.parameters.map((p) => [p.name, p.schema])) as Record<string, unknown>;
    expect(params.limit).toEqual({ type: "integer", minimum: 1, maximum: 100, default: 25 });
    expect(params.q).toMatchObject({ type: "string", maxLength: 100, pattern: expect.any(String) });
    expect(params.cursor).toMatchObject({ type: "string", maxLength: 200, pattern: "^[A-Za-z0-9_-]+$" });
  });
});
