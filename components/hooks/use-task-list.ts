"use client";
// The task list for one set of filters, with cursor pagination, refreshed live: any task change
// in the `tasks` room refetches the loaded pages (throttled), and so does every (re)join after a
// disconnect. While new filters load, the previous rows stay on screen (marked as updating).
// A refresh and "Load more" would cancel each other (React Query lets the later fetch win), so
// whichever comes second waits: a refresh during a page load runs once the page is in, and a
// page load that cuts a refresh short is followed by the refresh.
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { TASKS_ROOM } from "@/components/live/rooms";
import { useTRPC, type RouterInputs } from "@/components/providers/trpc";
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
  const refreshAfterPage = useRef(false);

  const invalidate = () => void queryClient.invalidateQueries(trpc.task.list.pathFilter());
  // Called with this render's state: the room and event hooks always call the latest `refresh`.
  const refresh = () => {
    if (query.isFetchingNextPage) refreshAfterPage.current = true;
    else invalidate();
  };
  useRoom(TASKS_ROOM, refresh);
  useThrottledRefresh("task:update", () => true, refresh, 1500);
  useEffect(() => {
    if (query.isFetchingNextPage || !refreshAfterPage.current) return;
    refreshAfterPage.current = false;
    invalidate();
  });

  const fetchNextPage = () => {
    if (query.isRefetching) refreshAfterPage.current = true;
    return query.fetchNextPage();
  };

  return { ...query, fetchNextPage, tasks: query.data?.pages.flatMap((page) => page.items) ?? [] };
}
