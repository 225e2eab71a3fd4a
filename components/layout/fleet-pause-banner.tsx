"use client";
// On every dashboard page while Claude's rate limit has paused the fleet: why, and a countdown to
// the reset, after which agents pick up work again on their own. Kept current from the `fleet`
// room, with a slow poll as a safety net.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useRoom } from "@/components/hooks/use-room";
import { useNow } from "@/components/hooks/use-now";
import { useThrottledRefresh } from "@/components/hooks/use-throttled-refresh";
import { FLEET_ROOM } from "@/components/live/rooms";
import { useTRPC } from "@/components/providers/trpc";

const POLL_MS = 30_000;

export function FleetPauseBanner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery(trpc.fleet.pauseState.queryOptions(undefined, { refetchInterval: POLL_MS }));
  const refresh = () => void queryClient.invalidateQueries(trpc.fleet.pauseState.queryFilter());
  useRoom(FLEET_ROOM, refresh);
  useThrottledRefresh("fleet:pause", () => true, refresh, 500);
  const pause = state.data?.pause ?? null;
  if (!pause || !state.data) return null;
  // The server's clock decides: `now` came with the answer, so a skewed browser clock cannot.
  const skew = state.data.now - state.dataUpdatedAt;
  return <Countdown until={pause.until - skew} reason={pause.reason} onEnd={refresh} />;
}

function Countdown({ until, reason, onEnd }: { until: number; reason: string; onEnd: () => void }) {
  const now = useNow();
  const left = Math.ceil((until - now) / 1000);
  const over = left <= 0;
  // Past the reset: ask once more, in case an agent has paused the fleet again meanwhile.
  useEffect(() => {
    if (over) onEnd();
  }, [over, onEnd]);
  if (over) return null;
  return (
    <div role="status" data-testid="fleet-pause-banner" className="border-b border-warning-border bg-warning-soft text-warning-fg">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm sm:px-6">
        <strong className="font-semibold">Paused by Claude&apos;s rate limit</strong> — agents start no new work and make no model calls for{" "}
        <span className="font-semibold tabular-nums" data-testid="fleet-pause-countdown">
          {formatLeft(left)}
        </span>
        , then carry on by themselves. <span className="text-xs opacity-80">{reason}</span>
      </p>
    </div>
  );
}

function formatLeft(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${String(seconds % 60).padStart(2, "0")} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}
