"use client";
// Live state of one task. Logs: joins the task's room first, then loads history, so nothing
// falls between the two; every line lands in a seq-keyed buffer that drops duplicates. After
// each reconnect it rejoins and fetches what it missed. Task data: refetched on status events.
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

const PAGE_SIZE = 1000;
/** How long a hole in the seq range may stay open before it is fetched; live events from
 * different agents can overtake each other by a few milliseconds. */
const GAP_WAIT_MS = 2000;

export type LogHistoryState = { status: "loading" } | { status: "ready" } | { status: "error"; message: string };

export function useTaskLive(taskId: string) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const socket = useSocket();
  const [store] = useState(createLogStore);
  const buffer = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const [history, setHistory] = useState<LogHistoryState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  const refreshTask = () => void queryClient.invalidateQueries(trpc.task.byId.queryFilter({ id: taskId }));
  useThrottledRefresh("task:update", (update) => update.taskId === taskId, refreshTask, 1000);

  useEffect(() => {
    let disposed = false;
    let running = false;
    let again = false;
    let gapTimer: ReturnType<typeof setTimeout> | null = null;

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
          let afterSeq = store.getSnapshot().contiguousSeq;
          for (;;) {
            const page = await client.task.logs.query({ id: taskId, afterSeq, limit: PAGE_SIZE });
            if (disposed) return;
            store.add(page.items);
            if (!page.hasMore || page.items.length === 0) break;
            afterSeq = page.items.at(-1)!.seq;
          }
        } while (again);
        setHistory({ status: "ready" });
      } catch (error) {
        // Once history is shown, a failed catch-up is retried by the next reconnect or gap.
        if (!disposed) setHistory((state) => (state.status === "ready" ? state : { status: "error", message: errorMessage(error) }));
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
    };
  }, [client, queryClient, socket, store, taskId, trpc, attempt]);

  const retry = () => {
    setHistory({ status: "loading" });
    setAttempt((n) => n + 1);
  };

  return { logs: buffer.ordered, history, retry };
}
