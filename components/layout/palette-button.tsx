"use client";
// The header's way into the command palette, for those who do not know the shortcut.
import { useSyncExternalStore } from "react";
import { useOpenCommandPalette } from "@/components/command-palette/command-palette";
import { SearchIcon } from "@/components/ui/icons";

const noSubscription = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

export function PaletteButton() {
  const open = useOpenCommandPalette();
  const apple = useSyncExternalStore(noSubscription, isApple, () => false);
  return (
    <button
      type="button"
      onClick={open}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex h-9 shrink-0 items-center gap-2 rounded-md border border-border px-2.5 text-sm text-muted hover:bg-surface-muted hover:text-foreground sm:pr-1.5"
    >
      <SearchIcon />
      {/* The wide header needs the room for its navigation; the shortcut still shows. */}
      <span className="sr-only sm:not-sr-only xl:sr-only 2xl:not-sr-only">Search</span>
      <kbd aria-hidden className="hidden rounded border border-border bg-surface-muted px-1.5 font-sans text-xs whitespace-nowrap sm:inline">
        {apple ? "⌘K" : "Ctrl K"}
      </kbd>
    </button>
  );
}
