import { describe, expect, it } from "vitest";
import { switchTenantPath, tenantPath } from "./paths";

describe("tenant paths", () => {
  it("keeps the section when switching tenants", () => {
    expect(switchTenantPath("/t/a/settings", "b")).toBe("/t/b/settings");
    expect(switchTenantPath("/t/a", "b")).toBe("/t/b");
    expect(switchTenantPath("/t/a/", "b")).toBe("/t/b");
  });

  it("drops anything below the section, which belongs to the old tenant", () => {
    expect(switchTenantPath("/t/a/customers/123/edit", "b")).toBe("/t/b/customers");
  });

  it("goes to the dashboard from outside any tenant", () => {
    expect(switchTenantPath("/account", "b")).toBe("/t/b");
  });

  it("builds tenant URLs", () => {
    expect(tenantPath("acme")).toBe("/t/acme");
    expect(tenantPath("acme", "settings")).toBe("/t/acme/settings");
  });
});
