"use client";
// The task list with cursor pagination, refreshed live: any task change in the `tasks` room
// refetches the loaded pages (throttled), and so does every (re)join after a disconnect.
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { TASKS_ROOM } from "@/components/live/rooms";
import { useTRPC } from "@/components/providers/trpc";
import type { TaskStatusValue } from "@/components/tasks/task-status-filter";
import { useRoom } from "./use-room";
import { useThrottledRefresh } from "./use-throttled-refresh";

const PAGE_SIZE = 20;

export function useTaskList(status: TaskStatusValue | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.task.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(status ? { status } : {}) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  const refresh = () => void queryClient.invalidateQueries(trpc.task.list.pathFilter());
  useRoom(TASKS_ROOM, refresh);
  useThrottledRefresh("task:update", () => true, refresh, 1500);

  return { ...query, tasks: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
