"use client";
// Whether live updates are flowing; without it a stalled page looks the same as a quiet one.
import { useConnectionState, type ConnectionState } from "@/components/providers/socket-provider";
import { cx } from "@/components/ui/class-names";

const looks: Record<ConnectionState, { label: string; dot: string; title: string }> = {
  connected: { label: "Live", dot: "bg-success-fg", title: "Receiving live updates" },
  connecting: { label: "Connecting…", dot: "bg-warning-fg animate-pulse", title: "Connecting to live updates" },
  offline: { label: "Offline", dot: "bg-danger-fg", title: "Live updates are not connected; reload the page to retry" },
};

export function ConnectionIndicator() {
  const look = looks[useConnectionState()];
  return (
    <span role="status" title={look.title} className="inline-flex items-center gap-1.5 text-xs text-muted">
      <span aria-hidden className={cx("size-2 rounded-full", look.dot)} />
      {look.label}
    </span>
  );
}
