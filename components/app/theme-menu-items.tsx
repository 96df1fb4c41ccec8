"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useState } from "react";
import { DropdownMenuLabel, DropdownMenuRadioGroup, DropdownMenuRadioItem } from "@/components/ui/dropdown-menu";
import { parseTheme, THEME_COOKIE, THEMES, type Theme } from "@/lib/preferences/theme";

const LABELS: Record<Theme, { label: string; Icon: typeof Sun }> = {
  light: { label: "Light", Icon: Sun },
  dark: { label: "Dark", Icon: Moon },
  system: { label: "System", Icon: Monitor },
};

function currentTheme(): Theme {
  const list = document.documentElement.classList;
  return list.contains("dark") ? "dark" : list.contains("light") ? "light" : "system";
}

/** Applies at once (a class on <html>) and is remembered in a cookie the root layout reads. */
export function applyTheme(theme: Theme) {
  const root = document.documentElement;
  root.classList.remove("light", "dark");
  if (theme !== "system") root.classList.add(theme);
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${60 * 60 * 24 * 400}; samesite=lax${location.protocol === "https:" ? "; secure" : ""}`;
}

/** Light, dark or system, for the account menu. */
export function ThemeMenuItems() {
  const [theme, setTheme] = useState<Theme>(currentTheme);
  return (
    <>
      <DropdownMenuLabel className="text-xs font-medium text-zinc-500">Theme</DropdownMenuLabel>
      <DropdownMenuRadioGroup
        value={theme}
        onValueChange={(value) => {
          const next = parseTheme(value);
          applyTheme(next);
          setTheme(next);
        }}
      >
        {THEMES.map((t) => {
          const { label, Icon } = LABELS[t];
          return (
            <DropdownMenuRadioItem key={t} value={t} onSelect={(event) => event.preventDefault()}>
              <Icon aria-hidden />
              {label}
            </DropdownMenuRadioItem>
          );
        })}
      </DropdownMenuRadioGroup>
    </>
  );
}
