"use client";
// Keeps the `dark` class on <html> in step with the preference after the first paint: when the
// system setting flips while "system" is chosen, and when React renders the document itself
// (a page that falls back to client rendering gets a fresh <html> without the pre-paint class).
import { useEffect } from "react";
import { useTheme } from "./use-theme";

export function ThemeSync() {
  const { resolved } = useTheme();
  useEffect(() => {
    document.documentElement.classList.toggle("dark", resolved === "dark");
  }, [resolved]);
  return null;
}
