"use client";
// "Scaling decisions": what the daemons decided about the fleet and why — agents started for a
// backlog, retired after the cool-down, refused for lack of memory, killed over a limit — newest first.
import { formatAge, formatFullDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { mutedTableCell, numericTableCell, Table, type TableColumn } from "@/components/ui/table";

export type ScalingEventView = RouterOutputs["agent"]["scalingEvents"][number];

const ACTIONS: Record<ScalingEventView["action"], { label: string; tone: BadgeTone }> = {
  scale_up: { label: "Scaled up", tone: "info" },
  scale_down: { label: "Scaled down", tone: "neutral" },
  start: { label: "Started", tone: "info" },
  stop: { label: "Stopped", tone: "neutral" },
  restart: { label: "Restarted", tone: "accent" },
  refused: { label: "Refused", tone: "warning" },
  killed: { label: "Killed", tone: "danger" },
};

const COLUMNS: TableColumn[] = [{ label: "When" }, { label: "Profile" }, { label: "Decision" }, { label: "Agents", numeric: true }, { label: "Why" }, { label: "Host" }];

export function ScalingDecisions({ events }: { events: ScalingEventView[] }) {
  const now = useNow();
  return (
    <Table columns={COLUMNS} label="Scaling decisions">
      {events.map((event) => {
        const action = ACTIONS[event.action] ?? { label: event.action, tone: "neutral" };
        return (
          <tr key={event.id} data-testid="scaling-event">
            <td className={`${mutedTableCell} tabular-nums`} title={formatFullDate(event.createdAt)}>
              {formatAge(Math.max(0, now - event.createdAt.getTime()))}
            </td>
            <td className={`${mutedTableCell} text-foreground`}>{event.profile}</td>
            <td className={mutedTableCell}>
              <Badge tone={action.tone}>{action.label}</Badge>
            </td>
            <td className={numericTableCell}>{event.fromCount === event.toCount ? event.toCount : `${event.fromCount} → ${event.toCount}`}</td>
            <td className={`${mutedTableCell} max-w-[32rem] truncate`} title={event.reason}>
              {event.reason}
            </td>
            <td className={`${mutedTableCell} text-xs text-subtle`}>{event.host}</td>
          </tr>
        );
      })}
    </Table>
  );
}
