"use client";
// The task list for one set of filters, with cursor pagination, refreshed live: any task change
// in the `tasks` room refetches the loaded pages (throttled), and so does every (re)join after a
// disconnect. While new filters load, the previous rows stay on screen (marked as updating).
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { TASKS_ROOM } from "@/components/live/rooms";
import { useTRPC, type RouterInputs } from "@/components/providers/trpc";
import { usePagedRefresh } from "./use-paged-refresh";
import { useRoom } from "./use-room";
import { useThrottledRefresh } from "./use-throttled-refresh";

const PAGE_SIZE = 25;

export type TaskListFilters = Omit<NonNullable<RouterInputs["task"]["list"]>, "cursor" | "limit">;

export function useTaskList(filters: TaskListFilters) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.task.list.infiniteQueryOptions(
      { ...filters, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const { refresh, fetchNextPage } = usePagedRefresh(query, () => void queryClient.invalidateQueries(trpc.task.list.pathFilter()));
  useRoom(TASKS_ROOM, refresh);
  useThrottledRefresh("task:update", () => true, refresh, 1500);

  return { ...query, fetchNextPage, tasks: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
