// The audit trail as a table: when, who, what, on what, and the event's details.
import Link from "next/link";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import type { RouterOutputs } from "@/components/providers/trpc";
import { Table, type TableColumn, tableCell, mutedTableCell } from "@/components/ui/table";
import { actionLabel, describeDetails, describeTarget } from "./audit-labels";

export type AuditEventView = RouterOutputs["audit"]["list"]["items"][number];

const COLUMNS: TableColumn[] = [
  { label: "Time" },
  { label: "Actor" },
  { label: "Action" },
  { label: "Target" },
  { label: "Details" },
  { label: "IP" },
];


export function AuditTable({ events }: { events: AuditEventView[] }) {
  return (
    <Table columns={COLUMNS} label="Audit events">
      {events.map((event) => {
        const target = describeTarget(event);
        const details = describeDetails(event);
        return (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <td className={`${mutedTableCell} tabular-nums`} title={formatFullDate(event.createdAt)}>
              {formatShortDate(event.createdAt)}
            </td>
            <td className={`${tableCell} max-w-56 truncate text-foreground`} title={event.actorEmail ?? undefined}>
              {event.actorEmail ?? <span className="text-subtle">—</span>}
            </td>
            <td className={`${tableCell} font-medium text-foreground`} title={event.action}>
              {actionLabel(event.action)}
            </td>
            <td className={`${mutedTableCell} max-w-56 truncate`} title={target?.title}>
              {!target ? (
                <span className="text-subtle">—</span>
              ) : target.href ? (
                <Link href={target.href} className="text-accent hover:underline">
                  {target.text}
                </Link>
              ) : (
                target.text
              )}
            </td>
            <td className="max-w-80 min-w-64 px-3 py-2.5 text-muted">
              <span className="line-clamp-2 break-words" title={details || undefined}>
                {details || <span className="text-subtle">—</span>}
              </span>
            </td>
            <td className={`${mutedTableCell} font-mono text-xs`}>{event.ip ?? <span className="text-subtle">—</span>}</td>
          </tr>
        );
      })}
    </Table>
  );
}
