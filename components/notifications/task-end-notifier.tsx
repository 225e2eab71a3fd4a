"use client";
// Turns "task:ended" from the user's own room into a desktop notification (when they opted in):
// on every dashboard page, since the room follows the connection, not the page. Clicking it
// brings the tab forward on the task. Not shown for the task the user is looking at right now.
// Ends that happened while the socket was down are asked for on every (re)connect, from the
// server's own clock, so a dropped connection or a sleeping laptop misses none.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent, useRef } from "react";
import { useSocket } from "@/components/providers/socket-provider";
import { useTRPCClient } from "@/components/providers/trpc";
import type { TaskEndedMessage } from "@/server/contracts/realtime";
import { taskNotificationsOn } from "./use-notification-settings";

const HEADLINES: Record<TaskEndedMessage["status"], string> = {
  SUCCEEDED: "Task succeeded",
  FAILED: "Task failed",
  CANCELLED: "Task cancelled",
};

export function TaskEndNotifier() {
  const socket = useSocket();
  const router = useRouter();
  const pathname = usePathname();
  const trpc = useTRPCClient();
  const shown = useRef(new Set<string>());
  // Ends from before this page's first look: not announced by a catch-up, which looks a little
  // further back than it asked; a live event for one still is (it ended while the page listened).
  const endedBefore = useRef(new Set<string>());

  const show = useEffectEvent((ended: TaskEndedMessage) => {
    if (shown.current.has(ended.taskId)) return;
    shown.current.add(ended.taskId);
    if (!taskNotificationsOn()) return;
    const href = `/tasks/${ended.taskId}`;
    if (document.visibilityState === "visible" && pathname === href) return;
    const notification = new Notification(HEADLINES[ended.status], {
      body: ended.reason && ended.status !== "SUCCEEDED" ? `${ended.title}\n${ended.reason}` : ended.title,
      // Several open tabs each get the event; one tag makes the system show it once.
      tag: `baton-task-${ended.taskId}`,
      icon: "/icon.svg",
    });
    notification.onclick = () => {
      window.focus();
      router.push(href);
      notification.close();
    };
  });

  useEffect(() => {
    if (!socket) return;
    // The server's time of the last look. The first look (at mount) announces nothing: it starts
    // the clock, and names the ends just before it that later looks, looking a little further
    // back, find again.
    const look = async (from?: string) => {
      try {
        const answer = await trpc.task.endedSince.query({ since: from });
        answer.endedBefore.forEach((taskId) => endedBefore.current.add(taskId));
        answer.ended.filter((ended) => !endedBefore.current.has(ended.taskId)).forEach(show);
        return answer.now;
      } catch {
        return from; // offline again or signed out: the next connect asks from the same moment
      }
    };
    let since = look();
    const catchUp = () => {
      since = since.then(look);
    };
    socket.on("task:ended", show);
    socket.on("connect", catchUp);
    socket.on("resync", catchUp);
    return () => {
      socket.off("task:ended", show);
      socket.off("connect", catchUp);
      socket.off("resync", catchUp);
    };
  }, [socket, trpc]);

  return null;
}
