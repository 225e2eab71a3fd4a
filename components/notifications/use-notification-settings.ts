"use client";
// Whether this browser shows a desktop notification when one of the user's tasks ends: the
// user's opt-in (per browser, in localStorage) and the browser's own permission, which the
// opt-in asks for. Both must say yes.
import { useCallback, useSyncExternalStore } from "react";

export const NOTIFY_STORAGE_KEY = "baton-task-notifications";

export type NotificationPermissionState = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener("storage", notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener("storage", notify);
  };
}

function permission(): NotificationPermissionState {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

function optedIn(): boolean {
  try {
    return localStorage.getItem(NOTIFY_STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

function store(on: boolean) {
  try {
    if (on) localStorage.setItem(NOTIFY_STORAGE_KEY, "on");
    else localStorage.removeItem(NOTIFY_STORAGE_KEY);
  } catch {
    // Without storage the choice cannot outlive the page; nothing else to do.
  }
  notify();
}

/** Reads both answers now; for code outside React (the socket listener). */
export function taskNotificationsOn(): boolean {
  return optedIn() && permission() === "granted";
}

export function useNotificationSettings() {
  const snapshot = useSyncExternalStore(subscribe, () => `${optedIn()}:${permission()}`, () => "false:default");
  const [stored, state] = snapshot.split(":") as ["true" | "false", NotificationPermissionState];
  /** Asks the browser when needed; resolves to the permission it ends with. */
  const enable = useCallback(async (): Promise<NotificationPermissionState> => {
    const current = permission();
    if (current === "unsupported" || current === "denied") return current;
    const answer = current === "granted" ? current : await Notification.requestPermission();
    store(answer === "granted");
    return answer;
  }, []);
  const disable = useCallback(() => store(false), []);
  return { permission: state, enabled: stored === "true" && state === "granted", enable, disable };
}
