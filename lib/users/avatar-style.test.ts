import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AVATAR_COLORS, avatarColorOf, avatarPath, displayableImage, initialsOf, isOwnAvatar } from "./avatar-style";

const root = path.resolve(import.meta.dirname, "../..");

// WCAG contrast from Tailwind's own oklch values: OKLab → linear sRGB → relative luminance.
type Oklch = [number, number, number];
function parseOklch(value: string): Oklch {
  const m = /oklch\(([\d.]+)%\s+([\d.]+)\s+([\d.]+|none)\)/.exec(value);
  if (!m) throw new Error(`not an oklch colour: ${value}`);
  return [Number(m[1]) / 100, Number(m[2]), m[3] === "none" ? 0 : Number(m[3])];
}
function luminance([L, C, H]: Oklch): number {
  const a = C * Math.cos((H * Math.PI) / 180);
  const b = C * Math.sin((H * Math.PI) / 180);
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const r = clip(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s);
  const g = clip(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s);
  const bl = clip(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s);
  return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
}
const contrast = (x: Oklch, y: Oklch) => {
  const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
const WHITE: Oklch = [1, 0, 0];
const cssVar = (css: string, name: string) => new RegExp(`--color-${name}:\\s*([^;]+);`).exec(css)?.[1]?.trim();

describe("avatar colours", () => {
  it("give white text a contrast of at least 4.5:1 in the light palette", () => {
    const theme = readFileSync(path.join(root, "node_modules/tailwindcss/theme.css"), "utf8");
    for (const cls of AVATAR_COLORS) {
      const value = cssVar(theme, cls.replace(/^bg-/, ""));
      expect(value, cls).toBeDefined();
      expect(contrast(parseOklch(value!), WHITE), cls).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.runIf(existsSync(path.join(root, "app/palette.css")))("keep 4.5:1 in the dark palette, where white text turns dark", () => {
    const palette = readFileSync(path.join(root, "app/palette.css"), "utf8");
    const dark = (value: string | undefined) => /light-dark\((?:[^(),]|\([^)]*\))+,\s*([^)]+\))\s*\)/.exec(value ?? "")?.[1];
    const text = parseOklch(dark(cssVar(palette, "white"))!);
    for (const cls of AVATAR_COLORS) {
      const background = dark(cssVar(palette, cls.replace(/^bg-/, "")));
      expect(background, `${cls} must be in app/palette.css, else dark mode puts dark text on it`).toBeDefined();
      expect(contrast(parseOklch(background!), text), cls).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("are chosen stably from the seed and spread over the set", () => {
    expect(avatarColorOf("user-1")).toBe(avatarColorOf("user-1"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => avatarColorOf(`${crypto.randomUUID()}-${i}`)));
    expect(used.size).toBe(AVATAR_COLORS.length);
    for (const seed of ["", "😀", "x".repeat(10_000)]) expect(AVATAR_COLORS).toContain(avatarColorOf(seed));
  });
});

describe("initialsOf", () => {
  it("takes the first letters of the first two words of a name, else the address's first letter", () => {
    expect(initialsOf("Ada Lovelace", "ada@example.test")).toBe("AL");
    expect(initialsOf("  grace  ", "g@example.test")).toBe("G");
    expect(initialsOf(null, "ada.lovelace@example.test")).toBe("A");
    expect(initialsOf("", "bob@example.test")).toBe("B");
    expect(initialsOf(null, null)).toBe("?");
    expect(initialsOf("   ", null)).toBe("?");
  });

  it("keeps a character outside the BMP whole", () => {
    expect(initialsOf("😀 Smile", null)).toBe("😀S");
  });
});

describe("displayableImage", () => {
  it("shows our own path and https pictures, nothing else", () => {
    expect(displayableImage("/api/avatars/u1?v=1")).toBe("/api/avatars/u1?v=1");
    expect(displayableImage("https://avatars.githubusercontent.com/u/1?v=4")).toBe("https://avatars.githubusercontent.com/u/1?v=4");
    for (const bad of [null, undefined, "", "http://example.test/a.png", "javascript:alert(1)", "data:image/svg+xml,<svg/>", "//evil.test/x.png", "/other/path", `https://x.test/${"a".repeat(3000)}`]) {
      expect(displayableImage(bad), String(bad)).toBeNull();
    }
  });
});

describe("isOwnAvatar", () => {
  it("recognises this user's upload URL only", () => {
    const url = avatarPath("u1", new Date(1_700_000_000_000));
    expect(url).toBe("/api/avatars/u1?v=1700000000000");
    expect(isOwnAvatar(url, "u1")).toBe(true);
    expect(isOwnAvatar(url, "u")).toBe(false);
    expect(isOwnAvatar("/api/avatars/u2?v=1", "u1")).toBe(false);
    expect(isOwnAvatar("https://avatars.githubusercontent.com/u/1", "u1")).toBe(false);
    expect(isOwnAvatar(null, "u1")).toBe(false);
  });
});
