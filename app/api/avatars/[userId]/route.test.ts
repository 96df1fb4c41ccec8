import { beforeEach, describe, expect, it, vi } from "vitest";
import { createUser } from "@/db/factories";
import { newRequest, signInAs } from "@/testing/fake-request";
import { uploadAvatar } from "@/lib/users/avatar";
import { GET } from "./route";

vi.mock("next/headers", async () => (await import("@/testing/fake-request")).nextHeaders);
vi.mock("react", async (original) => ({
  ...(await original<typeof import("react")>()),
  cache: (await import("@/testing/fake-request")).requestCache,
}));

beforeEach(() => newRequest());

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const fetchAvatar = (userId: string) => GET(new Request(`http://localhost:3000/api/avatars/${encodeURIComponent(userId)}?v=1`), { params: Promise.resolve({ userId }) });

describe("GET /api/avatars/{userId}", () => {
  it("serves the picture to any signed-in user, with its type, no sniffing, no active content, and a long private cache", async () => {
    const owner = await createUser();
    await uploadAvatar(owner, new File([PNG], "x.html", { type: "text/html" }));
    await signInAs(await createUser());
    const response = await fetchAvatar(owner.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(response.headers.get("cache-control")).toBe("private, max-age=31536000, immutable");
    expect(Number(response.headers.get("content-length"))).toBe(PNG.length);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(PNG);
  });

  it("answers 401 when signed out, before looking anything up", async () => {
    const owner = await createUser();
    await uploadAvatar(owner, new File([PNG], "a.png"));
    const response = await fetchAvatar(owner.id);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers 404 for a user without a picture, an unknown one, and hostile ids", async () => {
    const plain = await createUser();
    await signInAs(plain);
    for (const id of [plain.id, "nobody", "\u0000", "../../etc/passwd", "%00", "x".repeat(5000)]) {
      const response = await fetchAvatar(id);
      expect(response.status, id.slice(0, 20)).toBe(404);
      expect(response.headers.get("content-type")).toContain("text/plain");
    }
  });
});
