// Records the desktop notifications a page shows: the browser's Notification class is wrapped
// before any page script runs, so the page's own code is exercised as it is.
import type { Page } from "@playwright/test";

export interface ShownNotification {
  title: string;
  body: string;
  tag: string;
}

/** Wraps Notification on every page load; `optedIn` sets the page's opt-in as the toggle would. */
export async function recordNotifications(page: Page, options: { optedIn?: boolean } = {}): Promise<void> {
  await page.addInitScript((optedIn) => {
    const shown: unknown[] = [];
    const Real = window.Notification;
    class RecordingNotification extends Real {
      constructor(title: string, init: NotificationOptions = {}) {
        super(title, init);
        shown.push({ title, body: init.body ?? "", tag: init.tag ?? "" });
        (window as unknown as { lastNotification: Notification }).lastNotification = this;
      }
    }
    Object.assign(window, { Notification: RecordingNotification, shownNotifications: shown });
    if (optedIn) localStorage.setItem("baton-task-notifications", "on");
  }, options.optedIn ?? false);
}

export const shownNotifications = (page: Page) => page.evaluate(() => (window as unknown as { shownNotifications: ShownNotification[] }).shownNotifications);

/** Clicks the last notification shown, as the system would on a click. */
export const clickLastNotification = (page: Page) =>
  page.evaluate(() => (window as unknown as { lastNotification: Notification }).lastNotification.dispatchEvent(new Event("click")));
