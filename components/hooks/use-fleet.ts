"use client";
// Agent processes and profiles, kept current from the `fleet` room: state changes refetch the
// live list and the history of ended processes (throttled, since heartbeats and samples from a
// large fleet arrive constantly).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { FLEET_ROOM } from "@/components/live/rooms";
import { useTRPC } from "@/components/providers/trpc";
import { useRoom } from "./use-room";
import { useThrottledRefresh } from "./use-throttled-refresh";

/** Catches processes that died without a final event (a killed daemon sends nothing). */
const FALLBACK_REFRESH_MS = 10_000;

export function useFleet() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const agents = useQuery(trpc.agent.list.queryOptions(undefined, { refetchInterval: FALLBACK_REFRESH_MS }));
  const profiles = useQuery(trpc.agent.profiles.queryOptions());

  const refresh = () => {
    void queryClient.invalidateQueries(trpc.agent.list.queryFilter());
    void queryClient.invalidateQueries(trpc.agent.history.infiniteQueryFilter());
  };
  useRoom(FLEET_ROOM, refresh);
  useThrottledRefresh("agent:update", () => true, refresh, 2000);

  return { agents, profiles };
}
