import { describe, expect, it } from "vitest";
import { buttonVariants } from "@/components/ui/button-variants";
import { cn } from "@/components/ui/cn";
import { deleteButtonClass } from "./delete-resource-button";

describe("deleteButtonClass", () => {
  it("is what Button merges for an outline button with red text", () => {
    expect(deleteButtonClass).toBe(cn(buttonVariants({ variant: "outline" }), "text-red-700"));
  });
});
