// Decodes Stripe's form encoding (a[0][b]=c) into the typed request params the SDK
// sent, endpoint by endpoint, and refuses what Stripe refuses: unknown parameters,
// values of the wrong type, missing required ones. The specs are typed against the
// SDK's own *Params types, so a parameter the SDK does not know, or one decoded as
// the wrong type, fails tsc.
import { invalidParameter, missingParameter, unknownParameter, type Reply } from "./errors";

/** A form body or query string as a tree: every leaf a string, every node a null-prototype object. */
export type FormTree = { [key: string]: string | FormTree };

class ParamError extends Error {
  constructor(readonly reply: Reply) {
    super("invalid parameter");
  }
}

const node = (): FormTree => Object.create(null) as FormTree;
const pathOf = (parts: string[]) => parts[0] + parts.slice(1).map((p) => `[${p}]`).join("");

export function parseForm(encoded: string): FormTree {
  const root = node();
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const parts = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(rawKey);
    if (!parts) throw new ParamError(invalidParameter(rawKey, `Invalid parameter name: ${rawKey}`));
    const path = [parts[1]!, ...[...parts[2]!.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!)];
    let at = root;
    path.forEach((part, i) => {
      const existing = at[part];
      if (i === path.length - 1) {
        if (existing !== undefined) throw new ParamError(invalidParameter(pathOf(path), `Received ${pathOf(path)} more than once`));
        at[part] = value;
      } else if (typeof existing === "string") {
        throw new ParamError(invalidParameter(pathOf(path.slice(0, i + 1)), "Invalid hash"));
      } else {
        at = at[part] = existing ?? node();
      }
    });
  }
  return root;
}

type Bare<T> = Exclude<NonNullable<T>, "">;
/** How one parameter of type T is decoded; the conditional ties it to the SDK's type. */
export type SpecOf<T> = [Bare<T>] extends [boolean]
  ? "boolean"
  : [Bare<T>] extends [number]
    ? "integer"
    : [Bare<T>] extends [string]
      ? string extends Bare<T>
        ? "string" | { enum: readonly string[] } // a union open to other strings: checked at run time only
        : { enum: readonly Bare<T>[] }
      : [Bare<T>] extends [readonly (infer U)[]]
        ? { list: SpecOf<U> }
        : string extends keyof Bare<T>
          ? "metadata"
          : { fields: ParamsSpec<Bare<T>> };
/** The parameters an endpoint accepts: any subset of the SDK's params type P. */
export type ParamsSpec<P> = { [K in keyof P]?: SpecOf<P[K]> };

type AnySpec = "boolean" | "integer" | "string" | "metadata" | { enum: readonly string[] } | { list: AnySpec } | { fields: { [key: string]: AnySpec | undefined } };

function decodeField(spec: AnySpec, value: string | FormTree, path: string): unknown {
  if (spec === "string" || typeof spec === "object" && "enum" in spec) {
    if (typeof value !== "string") throw new ParamError(invalidParameter(path, `Invalid string: ${path}`));
    if (typeof spec === "object" && !spec.enum.includes(value)) {
      throw new ParamError(invalidParameter(path, `Invalid ${path}: must be one of ${spec.enum.join(", ")}`));
    }
    return value;
  }
  if (spec === "boolean") {
    if (value !== "true" && value !== "false") throw new ParamError(invalidParameter(path, `Invalid boolean: ${typeof value === "string" ? value : "{...}"}`));
    return value === "true";
  }
  if (spec === "integer") {
    if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
      throw new ParamError(invalidParameter(path, `Invalid integer: ${typeof value === "string" ? value : "{...}"}`, "parameter_invalid_integer"));
    }
    return Number(value);
  }
  if (typeof value === "string") throw new ParamError(invalidParameter(path, spec === "metadata" || "fields" in spec ? "Invalid hash" : "Invalid array"));
  if (spec === "metadata") {
    const out: Record<string, string> = {};
    for (const [key, v] of Object.entries(value)) {
      if (typeof v !== "string") throw new ParamError(invalidParameter(`${path}[${key}]`, "Invalid string: metadata values must be strings"));
      out[key] = v;
    }
    return out;
  }
  if ("list" in spec) {
    const keys = Object.keys(value);
    // Integer-like keys come out of Object.keys in ascending order: 0..n-1 or not a list.
    if (!keys.every((k, i) => k === String(i))) {
      throw new ParamError(invalidParameter(path, "Invalid array"));
    }
    return keys.map((_, i) => decodeField(spec.list, value[String(i)]!, `${path}[${i}]`));
  }
  return decodeFields(spec.fields, value, (key) => `${path}[${key}]`);
}

function decodeFields(fields: { [key: string]: AnySpec | undefined }, tree: FormTree, pathOfKey: (key: string) => string) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    const spec = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (!spec) throw new ParamError(unknownParameter(pathOfKey(key)));
    out[key] = decodeField(spec, value, pathOfKey(key));
  }
  return out;
}

export type Decoded<P> = { params: P; error?: undefined } | { error: Reply };

/** Decodes an already parsed tree against the endpoint's spec. */
export function decodeParams<P>(spec: ParamsSpec<P>, tree: FormTree, required: readonly (keyof P & string)[] = []): Decoded<P> {
  try {
    const params = decodeFields(spec as { [key: string]: AnySpec }, tree, (key) => key) as P;
    const missing = required.find((key) => (params as Record<string, unknown>)[key] === undefined);
    if (missing) return { error: missingParameter(missing) };
    return { params };
  } catch (error) {
    if (error instanceof ParamError) return { error: error.reply };
    throw error;
  }
}

/** Parses a form body or query string, turning a malformed one into Stripe's 400. */
export function parseFormOrError(encoded: string): { tree: FormTree; error?: undefined } | { error: Reply } {
  try {
    return { tree: parseForm(encoded) };
  } catch (error) {
    if (error instanceof ParamError) return { error: error.reply };
    throw error;
  }
}

/** Every endpoint takes expand[]. */
export const EXPAND: SpecOf<string[]> = { list: "string" };
