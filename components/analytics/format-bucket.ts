// Bucket starts as people read them, always in UTC (the page says so): "14:00" or "Mar 10" on
// an axis, "Mar 10, 14:00" in a table or tooltip.
import type { Bucket } from "./analytics-view";

const hour = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hour: "2-digit", minute: "2-digit", hour12: false });
const day = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric" });
const dayAndHour = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

export const formatBucketTick = (date: Date, bucket: Bucket) => (bucket === "hour" ? hour : day).format(date);
export const formatBucket = (date: Date, bucket: Bucket) => (bucket === "hour" ? dayAndHour : day).format(date);
export const formatRate = (rate: number | null) => (rate === null ? "—" : `${(rate * 100).toFixed(rate === 1 ? 0 : 1)}%`);
