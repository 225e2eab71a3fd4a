// Times on the public share page. It is rendered on the server, which does not know the reader's
// time zone, so times are printed in UTC and say so rather than in the server's zone.
const dateTime = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
const dateOnly = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium" });
const clock = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** "Mar 19, 2026, 14:03 UTC". */
export const formatUtcDateTime = (date: Date) => `${dateTime.format(date)} UTC`;
/** "Mar 19, 2026". */
export const formatUtcDate = (date: Date) => dateOnly.format(date);
/** "14:03:05", for rows under a heading that says the times are UTC. */
export const formatUtcClock = (date: Date) => clock.format(date);
