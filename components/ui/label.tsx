// Form label with an optional hint, so every field explains itself the same way.
import type { ComponentProps, ReactNode } from "react";
import { cx } from "./class-names";

export function Label({ className, hint, children, ...props }: ComponentProps<"label"> & { hint?: ReactNode }) {
  return (
    <label className={cx("mb-1.5 flex items-baseline gap-2 text-sm font-medium text-foreground", className)} {...props}>
      {children}
      {hint ? <span className="text-xs font-normal text-subtle">{hint}</span> : null}
    </label>
  );
}
