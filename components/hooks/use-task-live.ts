"use client";
// Live state of one task. Logs: joins the task's room first, then loads the newest page of
// history, so nothing falls between the two and a long log shows its end at once; older history
// follows in large pages in the background. Every line lands in a seq-ordered buffer that drops
// duplicates. After each reconnect it rejoins and fetches what it missed. Task data: refetched
// on status events.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, useSyncExternalStore } from "react";
import { errorMessage } from "@/components/live/error-message";
import { joinRoom } from "@/components/live/join-room";
import { createLogStore } from "@/components/live/log-store";
import { taskRoom } from "@/components/live/rooms";
import { useSocket } from "@/components/providers/socket-provider";
import { useTRPC, useTRPCClient } from "@/components/providers/trpc";
import type { LogEventMessage } from "@/server/contracts/realtime";
import { useThrottledRefresh } from "./use-throttled-refresh";

/** The first page is small so the newest lines show quickly. */
const NEWEST_PAGE_SIZE = 1000;
/** Older history and catch-up come in the largest pages the server gives, without tool data
 * (about 300 bytes a line), which a reader fetches per line when opening it. */
const HISTORY_PAGE_SIZE = 5000;
/** How long a hole in the seq range may stay open before it is fetched; live events from
 * different agents can overtake each other by a few milliseconds. */
const GAP_WAIT_MS = 2000;
/** A catch-up that failed while history is shown is tried again after this long. */
const CATCH_UP_RETRY_MS = 3000;

export type LogHistoryState = { status: "loading" } | { status: "ready" } | { status: "error"; message: string };
/** Lines older than the first page: still coming, all here, or stopped by an error. */
export type OlderLogsState = { status: "loading" } | { status: "complete" } | { status: "error"; message: string };

export function useTaskLive(taskId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const socket = useSocket();
  const [store] = useState(createLogStore);
  const buffer = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const [history, setHistory] = useState<LogHistoryState>({ status: "loading" });
  const [older, setOlder] = useState<OlderLogsState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  const refreshTask = () => void queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id: taskId }));
  useThrottledRefresh("task:update", (update) => update.taskId === taskId, refreshTask, 1000);

  useEffect(() => {
    let disposed = false;
    let running = false;
    let again = false;
    let loadingOlder = false;
    let gapTimer: ReturnType<typeof setTimeout> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    // Walks back from the oldest line held to seq 1; seqs are gap-free, so that is everything.
    const loadOlder = async () => {
      if (loadingOlder) return;
      loadingOlder = true;
      try {
        for (;;) {
          const oldest = store.getSnapshot().ordered[0]?.seq ?? 1;
          if (oldest <= 1) break;
          const page = await client.task.logs.query({ id: taskId, beforeSeq: oldest, direction: "backward", limit: HISTORY_PAGE_SIZE, withData: false });
          if (disposed) return;
          store.add(page.items);
          if (!page.hasMore || page.items.length === 0) break;
        }
        setOlder({ status: "complete" });
      } catch (error) {
        if (!disposed) setOlder({ status: "error", message: errorMessage(error) });
      } finally {
        loadingOlder = false;
      }
    };

    // One fetch loop at a time; a request that comes in meanwhile runs once more at the end.
    const catchUp = async () => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if (store.getSnapshot().contiguousSeq === 0) {
            const newest = await client.task.logs.query({ id: taskId, direction: "backward", limit: NEWEST_PAGE_SIZE, withData: false });
            if (disposed) return;
            store.add(newest.items, newest.items[0]?.seq ?? 1);
          }
          let afterSeq = store.getSnapshot().contiguousSeq;
          for (;;) {
            const page = await client.task.logs.query({ id: taskId, afterSeq, limit: HISTORY_PAGE_SIZE, withData: false });
            if (disposed) return;
            store.add(page.items);
            if (!page.hasMore || page.items.length === 0) break;
            afterSeq = page.items.at(-1)!.seq;
          }
        } while (again);
        setHistory({ status: "ready" });
        void loadOlder();
      } catch (error) {
        if (disposed) return;
        // Before history shows, the error is shown with a retry button. After, the server or its
        // database is briefly away (a restart): try again shortly, quietly, so the lines that
        // went by meanwhile are not left out until the next reconnect.
        setHistory((state) => (state.status === "ready" ? state : { status: "error", message: errorMessage(error) }));
        if (store.getSnapshot().contiguousSeq > 0) retryTimer ??= setTimeout(() => {
          retryTimer = null;
          void catchUp();
        }, CATCH_UP_RETRY_MS);
      } finally {
        running = false;
      }
    };

    const watchGaps = store.subscribe(() => {
      const { contiguousSeq, maxSeq } = store.getSnapshot();
      if (maxSeq <= contiguousSeq || gapTimer) return;
      gapTimer = setTimeout(() => {
        gapTimer = null;
        if (store.getSnapshot().maxSeq > store.getSnapshot().contiguousSeq) void catchUp();
      }, GAP_WAIT_MS);
    });

    const onLog = (event: LogEventMessage) => {
      if (event.taskId === taskId) store.queue(event);
    };
    socket?.on("log", onLog);
    const leave = socket
      ? joinRoom(socket, taskRoom(taskId), () => {
          void catchUp();
          // Status events missed while disconnected are not replayed; the task row is the truth.
          void queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id: taskId }));
        })
      : undefined;
    void catchUp();

    return () => {
      disposed = true;
      socket?.off("log", onLog);
      leave?.();
      watchGaps();
      if (gapTimer) clearTimeout(gapTimer);
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [client, queryClient, socket, store, taskId, trpc, attempt]);

  const retry = () => {
    setHistory((state) => (state.status === "error" ? { status: "loading" } : state));
    setOlder((state) => (state.status === "error" ? { status: "loading" } : state));
    setAttempt((n) => n + 1);
  };

  return { logs: buffer.ordered, history, older, retry };
}
