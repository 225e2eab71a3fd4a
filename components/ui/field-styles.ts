// Shared look of text inputs, textareas and selects, so form controls line up.
export const fieldClassName =
  "w-full rounded-md border border-border-strong bg-surface px-3 text-sm text-foreground shadow-sm " +
  "placeholder:text-subtle focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/25 " +
  "disabled:cursor-not-allowed disabled:bg-surface-muted aria-invalid:border-danger-fg";
