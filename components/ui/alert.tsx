// Inline message box for errors, warnings and notes; server messages can span lines, so they wrap.
import type { ReactNode } from "react";
import { cx } from "./class-names";

const tones = {
  danger: "border-danger-border bg-danger-soft text-danger-fg",
  warning: "border-warning-border bg-warning-soft text-warning-fg",
  info: "border-border bg-info-soft text-info-fg",
} as const;

export function Alert({ tone = "danger", title, children, className }: { tone?: keyof typeof tones; title?: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div role={tone === "danger" ? "alert" : "status"} className={cx("rounded-md border px-3 py-2 text-sm", tones[tone], className)}>
      {title ? <p className="font-medium">{title}</p> : null}
      <div className="whitespace-pre-wrap [overflow-wrap:anywhere]">{children}</div>
    </div>
  );
}
