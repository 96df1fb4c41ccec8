/** The colour themes a person can choose; "system" follows the device. */
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

/** Remembered per browser, read by the root layout so the first paint has the right colours. */
export const THEME_COOKIE = "theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.includes(value as Theme) ? (value as Theme) : "system";
}

/** The class on <html>: none for "system", which globals.css leaves to the device. */
export function themeClass(theme: Theme): string | undefined {
  return theme === "system" ? undefined : theme;
}
