// Selecting lines to copy or link to: a click picks one line, a shift-click stretches the
// selection from the first pick to the clicked line. Held as seqs, so it survives new lines,
// older history arriving and filter changes.
import type { LogLine } from "@/components/live/merge-log-events";
import type { LogRow } from "./group-log-rows";
import { LOG_KINDS } from "./log-kinds";

export interface LineSelection {
  anchor: number;
  focus: number;
}

export function selectLine(selection: LineSelection | null, seq: number, extend: boolean): LineSelection {
  return extend && selection ? { anchor: selection.anchor, focus: seq } : { anchor: seq, focus: seq };
}

export function selectionBounds(selection: LineSelection): { from: number; to: number } {
  return { from: Math.min(selection.anchor, selection.focus), to: Math.max(selection.anchor, selection.focus) };
}

export function isRowSelected(row: LogRow, selection: LineSelection | null): boolean {
  if (!selection) return false;
  const { from, to } = selectionBounds(selection);
  return row.key <= to && row.events.at(-1)!.seq >= from;
}

/** The rows of the view that the selection covers, in order. */
export function selectedRows(rows: readonly LogRow[], selection: LineSelection | null): LogRow[] {
  return selection ? rows.filter((row) => isRowSelected(row, selection)) : [];
}

/** One row as plain text: `seq  time (UTC)  source  kind  message`; text chunks are joined. */
export function formatRowText(row: LogRow, source: string): string {
  const first = row.events[0]!;
  const message = row.events.map((event: LogLine) => event.message).join("");
  return `#${first.seq}\t${first.createdAt}\t${source}\t${LOG_KINDS[first.kind].label}\t${message}`;
}

export const lineAnchor = (seq: number) => `log-${seq}`;

/** The seq a `#log-<seq>` hash points at, or null. */
export function seqFromHash(hash: string): number | null {
  const found = /^#log-(\d{1,10})$/.exec(hash);
  const seq = found ? Number(found[1]) : NaN;
  return Number.isSafeInteger(seq) && seq > 0 ? seq : null;
}
