// A link that looks like the secondary Button, for navigation placed among buttons (New, Cancel).
export const linkButtonClassName =
  "inline-flex h-9 items-center justify-center gap-2 rounded-md border border-border-strong bg-surface px-4 text-sm font-medium whitespace-nowrap " +
  "text-foreground shadow-sm transition-colors hover:bg-surface-muted";

export const primaryLinkButtonClassName =
  "inline-flex h-9 items-center justify-center gap-2 rounded-md border border-transparent bg-accent px-4 text-sm font-medium whitespace-nowrap " +
  "text-accent-foreground shadow-sm transition-colors hover:bg-accent-hover";
