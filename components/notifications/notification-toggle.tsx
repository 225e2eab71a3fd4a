"use client";
// The opt-in for desktop notifications when the user's own tasks end. Turning it on asks the
// browser's permission; a refusal is explained instead of silently leaving the switch off.
import { useId, useState } from "react";
import { cx } from "@/components/ui/class-names";
import { useNotificationSettings, type NotificationPermissionState } from "./use-notification-settings";

const REFUSALS: Partial<Record<NotificationPermissionState, string>> = {
  unsupported: "This browser cannot show notifications.",
  denied: "Notifications are blocked for this site. Allow them in the browser's site settings, then try again.",
  default: "The browser did not grant permission to show notifications.",
};

export function NotificationToggle() {
  const { enabled, permission, enable, disable } = useNotificationSettings();
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = useId();

  const toggle = async () => {
    setRefusal(null);
    if (enabled) return disable();
    const answer = await enable();
    if (answer !== "granted") setRefusal(REFUSALS[answer] ?? null);
  };

  return (
    <div>
      <div className="flex items-start justify-between gap-3">
        <div>
          <p id={`${id}-label`} className="text-sm font-medium text-foreground">
            Desktop notifications
          </p>
          <p id={`${id}-hint`} className="text-xs text-muted">
            When a task you started succeeds, fails or is cancelled.
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={enabled}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          onClick={() => void toggle()}
          className={cx(
            "relative mt-0.5 inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent transition-colors",
            enabled ? "bg-accent" : "bg-subtle",
          )}
        >
          <span aria-hidden className={cx("size-4 rounded-full bg-surface shadow transition-transform", enabled ? "translate-x-4" : "translate-x-0.5")} />
        </button>
      </div>
      <p role="status" className="mt-1 text-xs text-danger-fg empty:hidden">
        {refusal ?? (permission === "denied" && !enabled ? REFUSALS.denied : "")}
      </p>
    </div>
  );
}
