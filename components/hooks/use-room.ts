"use client";
// Keeps the component in a live-update room while mounted, rejoining after reconnects.
import { useEffect, useEffectEvent } from "react";
import { joinRoom } from "@/components/live/join-room";
import { useSocket } from "@/components/providers/socket-provider";

export function useRoom(room: string | null, onJoined?: () => void) {
  const socket = useSocket();
  const joined = useEffectEvent(() => onJoined?.());
  useEffect(() => {
    if (!socket || !room) return;
    return joinRoom(socket, room, () => joined());
  }, [socket, room]);
}
