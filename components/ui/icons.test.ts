import { describe, expect, it } from "vitest";
import { ICONS } from "./icons";

type LucideIconData = { name: string; aliases?: string[]; node: [string, Record<string, string>, unknown?][] };

describe("icons drawn on the server", () => {
  it.each(Object.keys(ICONS) as (keyof typeof ICONS)[])("%s is drawn as lucide-react draws it", async (name) => {
    const lucide = ((await import(`lucide-react/icons/${name}`)) as { __iconData: LucideIconData }).__iconData;
    expect(name).toBe(lucide.name);
    expect(ICONS[name]).toEqual({
      ...(lucide.aliases?.length ? { aliases: lucide.aliases } : {}),
      node: lucide.node.map(([tag, { key: _key, ...attributes }]) => [tag, attributes]),
    });
  });
});
