// Streamed model text arrives as many small events, often cut mid-word; consecutive text from
// the same source is shown as one row so it reads as the paragraph it is.
import type { LogEventMessage } from "@/server/contracts/realtime";

export interface LogRow {
  /** Seq of the row's first event: stable while later chunks join the row. */
  key: number;
  events: LogEventMessage[];
}

const continues = (previous: LogEventMessage, event: LogEventMessage) =>
  event.kind === "TEXT" &&
  previous.kind === "TEXT" &&
  previous.subtaskId === event.subtaskId &&
  previous.agentId === event.agentId &&
  previous.level === event.level;

export function groupLogRows(events: readonly LogEventMessage[]): LogRow[] {
  const rows: LogRow[] = [];
  for (const event of events) {
    const row = rows.at(-1);
    const previous = row?.events.at(-1);
    if (row && previous && continues(previous, event)) row.events.push(event);
    else rows.push({ key: event.seq, events: [event] });
  }
  return rows;
}
