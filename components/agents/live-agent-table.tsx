"use client";
// Running agent processes with their health: the state and how long the agent has been in it,
// heartbeat age ticking every second, and a heartbeat older than the server's staleness limit flagged.
import Link from "next/link";
import type { ReactNode } from "react";
import { AGENT_HEARTBEAT_STALE_MS } from "@/server/contracts/heartbeat";
import { formatDuration } from "@/components/format/duration";
import { formatMegabytes, formatPercent } from "@/components/format/numbers";
import { shortId } from "@/components/format/short-id";
import { formatAge, formatFullDate, formatShortDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { cx } from "@/components/ui/class-names";
import { mutedTableCell, numericTableCell, Table, type TableColumn } from "@/components/ui/table";

export type AgentView = RouterOutputs["agent"]["list"]["live"][number];


const COLUMNS: TableColumn[] = [
  { label: "Agent" },
  { label: "Profile" },
  { label: "PID", numeric: true },
  { label: "State" },
  { label: "Current subtask" },
  { label: "Heartbeat" },
  { label: "CPU", numeric: true },
  { label: "RSS", numeric: true },
  { label: "Restarts", numeric: true },
  { label: "Started" },
];

/** "for 12 s" while short-lived states come and go; "for 3m 05s" once an agent has settled. */
const stateAge = (ms: number) => (ms < 60_000 ? `${Math.floor(Math.max(0, ms) / 1000)} s` : formatDuration(ms));

/** Pinned to the right edge, so the controls stay in view however far the table scrolls. */
const ACTIONS_CELL = "sticky right-0 text-right shadow-[-8px_0_8px_-8px_rgba(0,0,0,0.12)]";

/** `actions` renders an admin's controls for a row (a last column), when given. */
export function LiveAgentTable({ agents, actions }: { agents: AgentView[]; actions?: (agent: AgentView) => ReactNode }) {
  const now = useNow();
  return (
    <Table label="Live agents" columns={actions ? [...COLUMNS, { label: "Actions", className: `${ACTIONS_CELL} bg-surface-muted` }] : COLUMNS}>
      {agents.map((agent) => {
        const age = agent.lastHeartbeatAt ? now - agent.lastHeartbeatAt.getTime() : null;
        // A process still starting up has not had the chance to send its first heartbeat.
        const stale = age === null ? agent.state !== "INITIALIZING" : age > AGENT_HEARTBEAT_STALE_MS;
        return (
          <tr key={agent.id} data-testid="agent-row">
            <td className={mutedTableCell}>
              <span className="font-mono text-foreground" title={agent.id}>{shortId(agent.id)}</span>
              <span className="block text-xs text-subtle">{agent.host}</span>
            </td>
            <td className={`${mutedTableCell} text-foreground`}>{agent.profile}</td>
            <td className={`${numericTableCell} font-mono`}>{agent.pid ?? "—"}</td>
            <td className={cx(mutedTableCell, "whitespace-nowrap")} title={`Since ${formatFullDate(agent.stateChangedAt)}`}>
              <StatusBadge status={agent.state} />
              <span className="ml-2 text-xs text-subtle tabular-nums" data-testid="agent-state-age">
                for {stateAge(now - agent.stateChangedAt.getTime())}
              </span>
            </td>
            <td className={`${mutedTableCell} max-w-56 truncate`} title={agent.currentSubtask?.title ?? agent.currentSubtaskId ?? undefined}>
              {agent.currentSubtask ? (
                <Link href={`/tasks/${agent.currentSubtask.taskId}`} className="text-accent hover:underline">
                  {agent.currentSubtask.title}
                </Link>
              ) : agent.currentSubtaskId ? (
                <span className="font-mono">{shortId(agent.currentSubtaskId)}</span>
              ) : (
                <span className="text-subtle">idle</span>
              )}
            </td>
            <td className={cx(mutedTableCell, "tabular-nums", stale && "font-medium text-warning-fg")} title={agent.lastHeartbeatAt ? formatFullDate(agent.lastHeartbeatAt) : "No heartbeat yet"}>
              {age === null ? "never" : formatAge(Math.max(0, age))}
              {stale ? <span className="ml-1 text-xs">(stale)</span> : null}
            </td>
            <td className={numericTableCell}>{formatPercent(agent.cpuPercent)}</td>
            <td className={numericTableCell}>{formatMegabytes(agent.rssBytes)}</td>
            <td className={cx(numericTableCell, agent.restarts > 0 && "text-warning-fg")}>{agent.restarts}</td>
            <td className={mutedTableCell} title={formatFullDate(agent.startedAt)}>{formatShortDate(agent.startedAt)}</td>
            {actions ? <td className={cx(mutedTableCell, ACTIONS_CELL, "bg-surface")}>{actions(agent)}</td> : null}
          </tr>
        );
      })}
    </Table>
  );
}
