"use client";
// Turns "task:ended" from the user's own room into a desktop notification (when they opted in):
// on every dashboard page, since the room follows the connection, not the page. Clicking it
// brings the tab forward on the task. Not shown for the task the user is looking at right now.
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useEffectEvent } from "react";
import { useSocket } from "@/components/providers/socket-provider";
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

  const show = useEffectEvent((ended: TaskEndedMessage) => {
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
    socket.on("task:ended", show);
    return () => void socket.off("task:ended", show);
  }, [socket]);

  return null;
}
