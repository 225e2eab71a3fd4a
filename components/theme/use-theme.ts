"use client";
// The theme preference as React state, shared by every component that shows or changes it, in
// step with other tabs (storage events) and with the system setting while "system" is chosen.
import { useCallback, useSyncExternalStore } from "react";
import { DARK_QUERY, parsePreference, resolveTheme, THEME_STORAGE_KEY, type ResolvedTheme, type ThemePreference } from "./theme-preference";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function readPreference(): ThemePreference {
  try {
    return parsePreference(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function apply(preference: ThemePreference) {
  const resolved = resolveTheme(preference, matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle("dark", resolved === "dark");
}

function onOutsideChange() {
  apply(readPreference());
  notify();
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) {
    matchMedia(DARK_QUERY).addEventListener("change", onOutsideChange);
    window.addEventListener("storage", onOutsideChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    matchMedia(DARK_QUERY).removeEventListener("change", onOutsideChange);
    window.removeEventListener("storage", onOutsideChange);
  };
}

function snapshot(): string {
  return `${readPreference()}:${matchMedia(DARK_QUERY).matches ? "dark" : "light"}`;
}

export function setThemePreference(preference: ThemePreference) {
  try {
    if (preference === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // Storage can be off (private modes); the choice then lasts for this page only.
  }
  apply(preference);
  notify();
}

export function useTheme(): { preference: ThemePreference; resolved: ResolvedTheme; setPreference: (preference: ThemePreference) => void } {
  // The server cannot know; "system" renders neutral controls until the browser answers.
  const [preference, system] = useSyncExternalStore(subscribe, snapshot, () => "system:light").split(":") as [ThemePreference, ResolvedTheme];
  const setPreference = useCallback((next: ThemePreference) => setThemePreference(next), []);
  return { preference, resolved: resolveTheme(preference, system === "dark"), setPreference };
}
