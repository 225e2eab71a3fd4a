// The timeline as a table: the same runs in text, for screen readers and for exact numbers.
import { formatDuration } from "@/components/format/duration";
import { formatClock } from "@/components/format/time";
import { StatusBadge } from "@/components/status-badge";
import { mutedTableCell, numericTableCell, Table, tableCell } from "@/components/ui/table";
import type { Timeline } from "./build-timeline";
import { rowLabel } from "./timeline-labels";

const columns = [
  { label: "Agent" },
  { label: "Subtask" },
  { label: "Status" },
  { label: "Queued" },
  { label: "Started" },
  { label: "Finished" },
  { label: "Waited", numeric: true },
  { label: "Ran", numeric: true },
];

const clock = (date: Date | null) => (date ? formatClock(date) : "—");
const duration = (ms: number | null) => (ms === null ? "—" : formatDuration(ms));

export function TimelineTable({ timeline, onSelect }: { timeline: Timeline; onSelect: (id: string) => void }) {
  return (
    <Table columns={columns} className="text-xs">
      {timeline.rows.flatMap((row) => {
        const { name, id } = rowLabel(row);
        return row.bars.map((bar) => (
          <tr key={bar.subtask.id} data-testid="timeline-table-row">
            <td className={mutedTableCell}>
              {name}
              {id ? <span className="ml-1 font-mono text-subtle">{id}</span> : null}
            </td>
            <td className={`${tableCell} max-w-64 truncate`}>
              <button type="button" onClick={() => onSelect(bar.subtask.id)} className="text-left text-accent hover:underline" title={bar.subtask.title}>
                #{bar.subtask.index + 1} {bar.subtask.title}
              </button>
            </td>
            <td className={tableCell}>
              <StatusBadge status={bar.subtask.status} />
            </td>
            <td className={mutedTableCell}>{clock(bar.subtask.queuedAt)}</td>
            <td className={mutedTableCell}>{clock(bar.subtask.startedAt)}</td>
            <td className={mutedTableCell}>{clock(bar.subtask.finishedAt)}</td>
            <td className={numericTableCell}>{duration(bar.waitedMs)}</td>
            <td className={numericTableCell}>{duration(bar.ranMs)}</td>
          </tr>
        ));
      })}
    </Table>
  );
}
