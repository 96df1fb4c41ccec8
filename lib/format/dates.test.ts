import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./dates";

describe("dates", () => {
  it("are English and UTC, whatever the server's zone", () => {
    const at = new Date("2026-11-22T23:05:00Z");
    expect(formatDate(at)).toBe("Nov 22, 2026");
    expect(formatDateTime(at)).toBe("Nov 22, 2026, 23:05 UTC");
  });
});
