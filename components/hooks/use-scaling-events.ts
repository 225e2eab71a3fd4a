"use client";
// The daemons' recent scaling decisions, refetched (throttled) when a new one arrives in the
// `fleet` room; useFleet joins the room.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import { useThrottledRefresh } from "./use-throttled-refresh";

/** How many of the latest decisions the Agents page shows. */
export const SCALING_EVENTS_SHOWN = 30;

export function useScalingEvents(limit = SCALING_EVENTS_SHOWN) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const events = useQuery(trpc.agent.scalingEvents.queryOptions({ limit }, { refetchInterval: 30_000 }));
  useThrottledRefresh("fleet:scaling", () => true, () => void queryClient.invalidateQueries(trpc.agent.scalingEvents.queryFilter()), 1000);
  return events;
}
