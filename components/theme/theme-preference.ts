// The colour theme a browser asked for (light, dark, or whatever the system says), kept in
// localStorage, and how it becomes the `dark` class on <html>. The same logic runs twice: as an
// inline script before the first paint (so a dark page never flashes light) and in React.
export const THEME_PREFERENCES = ["light", "dark", "system"] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type ResolvedTheme = "light" | "dark";

export const THEME_STORAGE_KEY = "baton-theme";
export const DARK_QUERY = "(prefers-color-scheme: dark)";

export function parsePreference(stored: string | null): ThemePreference {
  return THEME_PREFERENCES.includes(stored as ThemePreference) ? (stored as ThemePreference) : "system";
}

export function resolveTheme(preference: ThemePreference, systemDark: boolean): ResolvedTheme {
  return preference === "system" ? (systemDark ? "dark" : "light") : preference;
}

/** Runs in <head> before anything renders; kept tiny and self-contained (it is stringified). */
export const themeScript = `(function(){try{var p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `var d=p==="dark"||(p!=="light"&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches);` +
  `document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;
