// The floor of the HTTP benchmark: bare node:http and postgres.js answering the API's
// first page of customers (25, newest first, as JSON in the API's shape) with one
// query and nothing else: no auth, no framework. bench/http/floor.ts compiles it and
// starts it with plain node (env DATABASE_URL, PORT). GET /customers?tenant=<uuid>
import http from "node:http";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("Set DATABASE_URL");
// The app's pool size by default (db/client.ts), prepared statements as in the app.
const sql = postgres(url, { max: Number(process.env.DATABASE_POOL_MAX) || 10, onnotice: () => {} });
const LIMIT = 25;

type Row = {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  phone: string | null;
  notes: string | null;
  created_at: Date;
  updated_at: Date;
};

const cursorOf = (row: Row) => Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString("base64url");

const server = http.createServer(async (request, response) => {
  try {
    const { pathname, searchParams } = new URL(request.url ?? "/", "http://localhost");
    const tenant = searchParams.get("tenant");
    if (pathname !== "/customers" || !tenant) {
      response.writeHead(404).end();
      return;
    }
    const rows = await sql<Row[]>`
      SELECT id, name, company, email, phone, notes, created_at, updated_at FROM customers
      WHERE tenant_id = ${tenant} ORDER BY created_at DESC, id DESC LIMIT ${LIMIT + 1}`;
    const page = rows.slice(0, LIMIT);
    const body = JSON.stringify({
      data: page.map((c) => ({
        id: c.id,
        name: c.name,
        company: c.company,
        email: c.email,
        phone: c.phone,
        notes: c.notes,
        created_at: c.created_at.toISOString(),
        updated_at: c.updated_at.toISOString(),
      })),
      next_cursor: rows.length > LIMIT ? cursorOf(page.at(-1)!) : null,
    });
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  } catch (error) {
    console.error(error);
    response.writeHead(500).end();
  }
});

server.listen(Number(process.env.PORT), () => console.log(`floor server on ${process.env.PORT}`));
const stop = () => server.close(() => void sql.end({ timeout: 1 }).then(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
