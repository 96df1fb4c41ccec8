// Test helper: checks an answer of the API against the OpenAPI document it serves, with a
// real JSON Schema 2020-12 validator (the dialect of OpenAPI 3.1).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/api/openapi";
import type { Answer } from "./client";

export const document = openApiDocument();
const ID = "https://api.test/openapi.json";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, ID);

type Header = { required?: boolean; schema: { type: string } };
type ResponseSpec = { description: string; headers?: Record<string, Header>; content?: Record<string, unknown> };
type Operation = { operationId: string; responses: Record<string, ResponseSpec> };

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

/** Every operation in the document, by operationId, with its path and method. */
export const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => method !== "parameters")
    .map(([method, op]) => ({ path, method, operation: op as Operation })),
);

export function operation(operationId: string) {
  const found = operations.find((o) => o.operation.operationId === operationId);
  if (!found) throw new Error(`No operation ${operationId} in the document`);
  return found;
}

/** What is wrong with `answer` as a response of `operationId`, per the document; [] when it conforms. */
export function contractProblems(operationId: string, answer: Answer): string[] {
  const { path, method, operation: op } = operation(operationId);
  const spec = op.responses[String(answer.status)];
  if (!spec) return [`${operationId} answered ${answer.status}, which the document does not declare (${Object.keys(op.responses).join(", ")})`];
  const problems: string[] = [];
  for (const [name, header] of Object.entries(spec.headers ?? {})) {
    const value = answer.headers.get(name);
    if (value === null) {
      if (header.required) problems.push(`missing header ${name}`);
      continue;
    }
    const typed = header.schema.type === "integer" && /^-?\d+$/.test(value) ? Number(value) : value;
    const validate = ajv.getSchema(`${ID}#/${pointer("paths", path, method, "responses", String(answer.status), "headers", name, "schema")}`)!;
    if (!validate(typed)) problems.push(`header ${name}: ${ajv.errorsText(validate.errors)}`);
  }
  if (!spec.content) {
    if (answer.text !== "") problems.push(`${answer.status} declares no body, got ${answer.text.slice(0, 80)}`);
    return problems;
  }
  const type = answer.headers.get("content-type")?.split(";")[0]?.trim();
  if (!type || !(type in spec.content)) return [...problems, `content type ${type} is not declared for ${answer.status}`];
  if (answer.body === undefined) return [...problems, `body is not JSON: ${answer.text.slice(0, 80)}`];
  const validate = ajv.getSchema(`${ID}#/${pointer("paths", path, method, "responses", String(answer.status), "content", type, "schema")}`)!;
  if (!validate(answer.body)) problems.push(`body: ${ajv.errorsText(validate.errors)}`);
  return problems;
}

/** Validates a value against a schema of the document, e.g. a request body's ("#/components/schemas/CustomerInput"). */
export function conformsTo(ref: string, value: unknown): boolean {
  return ajv.validate({ $ref: `${ID}${ref}` }, value) as boolean;
}
