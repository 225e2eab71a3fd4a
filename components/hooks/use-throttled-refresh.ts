"use client";
// Refetches when a server event arrives, throttled so a burst of events (a plan with twenty
// subtasks starting) costs one refetch instead of twenty.
import { useEffect, useEffectEvent } from "react";
import { throttle } from "@/components/live/throttle";
import { useSocket } from "@/components/providers/socket-provider";
import type { ServerToClientEvents } from "@/server/contracts/realtime";

type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * Runs `refresh` when `event` passes `matches`, at most once per `waitMs` plus once after a
 * burst, so the final state is always fetched.
 */
export function useThrottledRefresh<E extends EventName>(
  event: E,
  matches: (payload: Payload<E>) => boolean,
  refresh: () => void,
  waitMs = 1000,
) {
  const socket = useSocket();
  const accepts = useEffectEvent((payload: Payload<E>) => matches(payload));
  const run = useEffectEvent(() => refresh());
  useEffect(() => {
    if (!socket) return;
    const throttled = throttle(() => run(), waitMs);
    const listener = (payload: Payload<E>) => {
      if (accepts(payload)) throttled();
    };
    // The typed emitter cannot relate a generic event name to its listener type.
    const untyped = socket as unknown as { on(e: string, l: typeof listener): void; off(e: string, l: typeof listener): void };
    untyped.on(event, listener);
    return () => {
      untyped.off(event, listener);
      throttled.cancel();
    };
  }, [socket, event, waitMs]);
}
