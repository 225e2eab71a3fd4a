// The overview page's own queries: its task lists with counts, and the queue per profile. Its
// last-24-hours numbers are the analytics summary (see analytics-entries.ts).
import { queueDepths } from "../../server/services/overview/queue-depths";
import { taskOverview } from "../../server/services/overview/task-overview";
import type { BenchEntries } from "./bench-entry";

const GOAL_MS = 150;

export const overviewEntries: BenchEntries = async () => [
  { group: "overview", name: "task lists and counts", goalMs: GOAL_MS, run: (ctx) => taskOverview(ctx.db) },
  { group: "overview", name: "queue per profile", goalMs: GOAL_MS, run: (ctx) => queueDepths(ctx.db) },
];
