// Small pill for states and tags; tone picks the colour pair from the theme.
import type { ReactNode } from "react";
import { cx } from "./class-names";

export type BadgeTone = "neutral" | "info" | "success" | "danger" | "halted" | "warning" | "accent";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-neutral-soft text-neutral-fg",
  info: "bg-info-soft text-info-fg",
  success: "bg-success-soft text-success-fg",
  danger: "bg-danger-soft text-danger-fg",
  halted: "bg-halted-soft text-halted-fg",
  warning: "bg-warning-soft text-warning-fg",
  accent: "bg-accent-soft text-accent",
};

export function Badge({ tone = "neutral", pulse = false, className, children }: { tone?: BadgeTone; pulse?: boolean; className?: string; children: ReactNode }) {
  return (
    <span className={cx("inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[tone], className)}>
      {pulse ? <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-info-dot" /> : null}
      {children}
    </span>
  );
}
