// Joins a Socket.IO room for as long as a caller needs it: joins again after every reconnect
// (the server forgets rooms with the old connection) and leaves only when the last user of the
// room on this socket is gone.
import type { BatonSocket } from "@/components/providers/socket-provider";
import { RETRY_REFUSED_CONNECTION_MS } from "@/server/contracts/realtime";

const holders = new WeakMap<BatonSocket, Map<string, number>>();

/** `onJoined` runs after each successful (re)join and on the server's `resync`: the moments to
 * catch up on missed events. */
export function joinRoom(socket: BatonSocket, room: string, onJoined?: () => void): () => void {
  let counts = holders.get(socket);
  if (!counts) holders.set(socket, (counts = new Map()));
  counts.set(room, (counts.get(room) ?? 0) + 1);

  let active = true;
  const join = () => {
    socket.emit("subscribe", { room }, (result) => {
      if (!active) return;
      if (result.ok) onJoined?.();
      else if (result.retryable) setTimeout(() => active && socket.connected && join(), RETRY_REFUSED_CONNECTION_MS);
      else console.warn(`Could not follow live updates for ${room}: ${result.error ?? "refused"}`);
    });
  };
  // The connection stayed up but the server may have missed events: the room is still joined.
  const resync = () => onJoined?.();
  if (socket.connected) join();
  socket.on("connect", join);
  socket.on("resync", resync);

  return () => {
    active = false;
    socket.off("connect", join);
    socket.off("resync", resync);
    const left = (counts.get(room) ?? 1) - 1;
    if (left > 0) {
      counts.set(room, left);
      return;
    }
    counts.delete(room);
    if (socket.connected) socket.emit("unsubscribe", { room });
  };
}
