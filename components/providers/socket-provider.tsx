"use client";
// The page's one Socket.IO connection, shared through context, plus its connection state.
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { io, type Socket } from "socket.io-client";
import { isRetryableRefusal, RETRY_REFUSED_CONNECTION_MS, type ClientToServerEvents, type ServerToClientEvents } from "@/server/contracts/realtime";

export type BatonSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = "connecting" | "connected" | "offline";

const SocketContext = createContext<BatonSocket | null>(null);

export function SocketProvider({ children }: { children: ReactNode }) {
  // Built without connecting so the server render stays socket-free; the effect owns the
  // connection, which also gives Strict Mode's double mount a clean disconnect.
  const [socket] = useState<BatonSocket | null>(() =>
    typeof window === "undefined" ? null : io({ path: "/socket.io", autoConnect: false }),
  );
  useEffect(() => {
    if (!socket) return;
    let retry: ReturnType<typeof setTimeout> | undefined;
    // A refusal because the server could not check the session (its database or Redis was
    // away) is not final: try again, or the page would stay offline for good.
    const onRefused = (error: Error) => {
      if (!socket.active && isRetryableRefusal(error)) retry = setTimeout(() => socket.connect(), RETRY_REFUSED_CONNECTION_MS);
    };
    socket.on("connect_error", onRefused);
    socket.connect();
    return () => {
      clearTimeout(retry);
      socket.off("connect_error", onRefused);
      socket.disconnect();
    };
  }, [socket]);

  return <SocketContext value={socket}>{children}</SocketContext>;
}

/** The shared socket, or null during the server render. */
export function useSocket(): BatonSocket | null {
  return useContext(SocketContext);
}

const CONNECTION_EVENTS = ["connect", "disconnect", "connect_error"] as const;

function readState(socket: BatonSocket | null): ConnectionState {
  if (!socket) return "connecting";
  if (socket.connected) return "connected";
  // `active` stays true while the client is still retrying on its own.
  return socket.active ? "connecting" : "offline";
}

export function useConnectionState(): ConnectionState {
  const socket = useSocket();
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!socket) return () => {};
      for (const event of CONNECTION_EVENTS) socket.on(event, notify);
      socket.io.on("reconnect_attempt", notify);
      return () => {
        for (const event of CONNECTION_EVENTS) socket.off(event, notify);
        socket.io.off("reconnect_attempt", notify);
      };
    },
    [socket],
  );
  return useSyncExternalStore(subscribe, () => readState(socket), () => "connecting");
}
