import { describe, expect, it } from "vitest";
import * as icons from "./icons";

type LucideIconData = { name: string; aliases?: string[]; node: [string, Record<string, string>, unknown?][] };

describe("icons drawn on the server", () => {
  it.each(Object.entries(icons))("%s is drawn as lucide-react draws it", async (_, icon) => {
    const { name, node, aliases } = icon.iconData;
    const lucide = ((await import(`lucide-react/icons/${name}`)) as { __iconData: LucideIconData }).__iconData;
    expect(name).toBe(lucide.name);
    expect(aliases).toEqual(lucide.aliases ?? []);
    expect(node).toEqual(lucide.node.map(([tag, { key: _key, ...attributes }]) => [tag, attributes]));
  });
});
