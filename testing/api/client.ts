// Test helper: sends a real Request to a route handler, as Next would, and reads the answer.

/** Any /api/v1 route handler; they differ only in their params' type. */
export type Route = (request: Request, route: { params: Promise<never> }) => Promise<Response>;

export type Sent = {
  key?: string;
  method?: string;
  /** Path and query, e.g. "/api/v1/customers?limit=2". */
  path?: string;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  /** Replaces the default Content-Type: application/json when given (null: none at all). */
  contentType?: string | null;
  headers?: Record<string, string>;
  id?: string;
};

export type Answer = { status: number; headers: Headers; text: string; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function send(route: Route, { key, method = "GET", path, body, contentType = "application/json", headers = {}, id }: Sent): Promise<Answer> {
  const all: Record<string, string> = { ...headers };
  if (contentType !== null && body !== undefined) all["content-type"] = contentType;
  if (key) all.authorization = `Bearer ${key}`;
  const payload = body === undefined ? undefined : typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  const url = `http://localhost${path ?? (id ? `/api/v1/customers/${encodeURIComponent(id)}` : "/api/v1/customers")}`;
  const response = await route(new Request(url, { method, headers: all, body: payload as BodyInit | undefined }), {
    params: Promise.resolve(id === undefined ? {} : { id }) as Promise<never>,
  });
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = undefined; // not JSON: the contract check reports it
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}
