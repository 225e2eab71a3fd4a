"use client";
// The overview's live data: task lists and counts, the last 24 hours' headline numbers and the
// queue per profile, refetched (throttled) when tasks or subtasks change in the `tasks` room.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useRoom } from "@/components/hooks/use-room";
import { useThrottledRefresh } from "@/components/hooks/use-throttled-refresh";
import { TASKS_ROOM } from "@/components/live/rooms";
import { useTRPC } from "@/components/providers/trpc";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The last 24 hours, to the minute, so the query key holds still between minutes. */
function useLastDay() {
  const at = () => Math.ceil(Date.now() / MINUTE_MS) * MINUTE_MS;
  const [to, setTo] = useState(at);
  useEffect(() => {
    const timer = setInterval(() => setTo(at()), MINUTE_MS);
    return () => clearInterval(timer);
  }, []);
  return { from: new Date(to - DAY_MS), to: new Date(to) };
}

export function useOverview() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lastDay = useLastDay();
  const tasks = useQuery(trpc.overview.tasks.queryOptions());
  const queues = useQuery(trpc.overview.queues.queryOptions());
  const today = useQuery(trpc.analytics.summary.queryOptions({ ...lastDay, bucket: "hour" }));

  const refreshAll = () => {
    void queryClient.invalidateQueries(trpc.overview.pathFilter());
    void queryClient.invalidateQueries(trpc.analytics.summary.pathFilter());
  };
  useRoom(TASKS_ROOM, refreshAll);
  useThrottledRefresh("task:update", (update) => update.status !== undefined, () => void queryClient.invalidateQueries(trpc.overview.tasks.pathFilter()), 1500);
  useThrottledRefresh("task:update", (update) => update.subtaskStatus !== undefined, () => void queryClient.invalidateQueries(trpc.overview.queues.pathFilter()), 2000);
  // Spend grows with every model call, not only when a task ends; ten seconds is fresh enough for a headline.
  useThrottledRefresh("task:update", () => true, () => void queryClient.invalidateQueries(trpc.analytics.summary.pathFilter()), 10_000);

  return { tasks, queues, today };
}
