// Placeholder block shown while data loads, so layouts do not jump when it arrives.
import { cx } from "./class-names";

export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cx("animate-pulse rounded-md bg-surface-muted", className)} />;
}
