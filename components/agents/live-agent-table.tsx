"use client";
// The live board: running agent processes grouped by profile and host, each with its state and
// how long it has been in it, the subtask it works on (linked to the task page), heartbeat age
// ticking every second (flagged past the server's staleness limit), CPU and memory sparklines of
// the last samples, restarts and why the process before it ended. Admins get each group's scale
// controls and each agent's restart and stop.
import Link from "next/link";
import type { ReactNode } from "react";
import { AGENT_HEARTBEAT_STALE_MS } from "@/server/contracts/heartbeat";
import { formatDuration } from "@/components/format/duration";
import { formatMegabytes, formatPercent } from "@/components/format/numbers";
import { shortId } from "@/components/format/short-id";
import { formatAge, formatFullDate } from "@/components/format/time";
import { useNow } from "@/components/hooks/use-now";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { cx } from "@/components/ui/class-names";
import { mutedTableCell, numericTableCell, Table, type TableColumn } from "@/components/ui/table";
import { Sparkline } from "./sparkline";

export type AgentView = RouterOutputs["agent"]["list"]["live"][number];

export interface AgentGroup {
  profile: string;
  host: string;
  agents: AgentView[];
}

const COLUMNS: TableColumn[] = [
  { label: "Agent" },
  { label: "State" },
  { label: "Current subtask" },
  { label: "Heartbeat" },
  { label: "CPU", numeric: true },
  { label: "Memory", numeric: true },
  { label: "Restarts" },
];

/** Agents by profile, then host, in a stable order (oldest agent first within a group). */
export function groupAgents(agents: AgentView[]): AgentGroup[] {
  const groups = new Map<string, AgentGroup>();
  for (const agent of agents) {
    const key = `${agent.profile}\u0000${agent.host}`;
    const group = groups.get(key) ?? { profile: agent.profile, host: agent.host, agents: [] };
    group.agents.push(agent);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => a.profile.localeCompare(b.profile) || a.host.localeCompare(b.host));
}

/** "for 12 s" while short-lived states come and go; "for 3m 05s" once an agent has settled. */
const stateAge = (ms: number) => (ms < 60_000 ? `${Math.floor(Math.max(0, ms) / 1000)} s` : formatDuration(ms));

/** Pinned to the right edge, so the controls stay in view however far the table scrolls. */
const ACTIONS_CELL = "sticky right-0 text-right shadow-[-8px_0_8px_-8px_rgba(0,0,0,0.12)]";

const BUSY = new Set(["CLAIMED", "WORKING", "WAITING", "COMPLETING"]);
export const isBusy = (agent: AgentView) => BUSY.has(agent.state);

function AgentRow({ agent, now, actions }: { agent: AgentView; now: number; actions?: ReactNode }) {
  const age = agent.lastHeartbeatAt ? now - agent.lastHeartbeatAt.getTime() : null;
  // A process still starting up has not had the chance to send its first heartbeat.
  const stale = age === null ? agent.state !== "INITIALIZING" : age > AGENT_HEARTBEAT_STALE_MS;
  const cpu = agent.samples.map((s) => s.cpuPercent);
  const rss = agent.samples.map((s) => s.rssBytes);
  return (
    <tr data-testid="agent-row" data-agent-id={agent.id} data-profile={agent.profile} data-state={agent.state}>
      <td className={mutedTableCell}>
        <span className="font-mono text-foreground" title={agent.id}>{shortId(agent.id)}</span>
        {/* How long the process has been up stands here, not in a column of its own: the table fits a laptop's width. */}
        <span className="block text-xs whitespace-nowrap text-subtle tabular-nums" title={`Started ${formatFullDate(agent.startedAt)}`} data-testid="agent-uptime">
          pid {agent.pid ?? "—"} · up {stateAge(Math.max(0, now - agent.startedAt.getTime()))}
        </span>
      </td>
      <td className={cx(mutedTableCell, "whitespace-nowrap")} title={`Since ${formatFullDate(agent.stateChangedAt)}`}>
        <StatusBadge status={agent.state} />
        <span className="ml-2 text-xs text-subtle tabular-nums" data-testid="agent-state-age">
          for {stateAge(now - agent.stateChangedAt.getTime())}
        </span>
      </td>
      <td className={`${mutedTableCell} max-w-56 truncate`} title={agent.currentSubtask?.title ?? agent.currentSubtaskId ?? undefined} data-testid="agent-subtask">
        {agent.currentSubtask ? (
          <Link href={`/tasks/${agent.currentSubtask.taskId}?subtask=${agent.currentSubtask.id}`} className="text-accent hover:underline">
            {agent.currentSubtask.title}
          </Link>
        ) : agent.currentSubtaskId ? (
          <span className="font-mono">{shortId(agent.currentSubtaskId)}</span>
        ) : (
          // Busy without a subtask: a plan or a result is a task's job, not a subtask's.
          <span className="text-subtle">{isBusy(agent) ? "planning or writing a result" : "none"}</span>
        )}
      </td>
      <td
        className={cx(mutedTableCell, "tabular-nums", stale && "font-medium text-warning-fg")}
        title={agent.lastHeartbeatAt ? formatFullDate(agent.lastHeartbeatAt) : "No heartbeat yet"}
        data-testid="agent-heartbeat"
      >
        {age === null ? "never" : formatAge(Math.max(0, age))}
        {stale ? <span className="ml-1 text-xs">(stale)</span> : null}
      </td>
      <td className={numericTableCell}>
        <span className="inline-flex items-center gap-2">
          <Sparkline values={cpu} label="CPU" format={formatPercent} minScale={100} />
          <span className="w-12">{formatPercent(agent.cpuPercent)}</span>
        </span>
      </td>
      <td className={numericTableCell}>
        <span className="inline-flex items-center gap-2">
          <Sparkline values={rss} label="Memory" format={formatMegabytes} />
          <span className="w-14">{formatMegabytes(agent.rssBytes)}</span>
        </span>
      </td>
      <td className={cx(mutedTableCell, "max-w-56")}>
        <span className={cx("tabular-nums", agent.restarts > 0 && "font-medium text-warning-fg")}>{agent.restarts}</span>
        {agent.previousExitReason ? (
          <span className="block truncate text-xs text-subtle" title={`The process before this one: ${agent.previousExitReason}`} data-testid="agent-previous-exit">
            last: {agent.previousExitReason}
          </span>
        ) : null}
      </td>
      {actions !== undefined ? <td className={cx(mutedTableCell, ACTIONS_CELL, "bg-surface")}>{actions}</td> : null}
    </tr>
  );
}

/**
 * `actions` renders an admin's controls for a row and `groupControls` for a group's header
 * (both only for admins).
 */
export function LiveAgentTable({
  agents,
  actions,
  groupControls,
}: {
  agents: AgentView[];
  actions?: (agent: AgentView) => ReactNode;
  groupControls?: (group: AgentGroup) => ReactNode;
}) {
  const now = useNow();
  const columns = actions ? [...COLUMNS, { label: "Actions", className: `${ACTIONS_CELL} bg-surface-muted` }] : COLUMNS;
  return (
    <Table columns={columns} label="Live agents" frameClassName="@container">
      {groupAgents(agents).map((group) => {
        const busy = group.agents.filter(isBusy).length;
        return [
          <tr key={`${group.profile}@${group.host}`} className="bg-surface-muted/40" data-testid="agent-group" data-profile={group.profile}>
            <th scope="colgroup" colSpan={columns.length} className="px-3 py-2 text-left font-normal">
              {/* Held within the frame's visible width (less the cell's padding), so the controls show without scrolling the table sideways. */}
              <span className="sticky left-3 flex w-[calc(100cqw-1.5rem)] flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-semibold text-foreground">{group.profile}</span>
                  <span className="text-muted"> on {group.host}</span>
                  <span className="ml-2 text-xs text-subtle tabular-nums" data-testid="agent-group-count">
                    {group.agents.length} {group.agents.length === 1 ? "agent" : "agents"} · {busy} busy
                  </span>
                </span>
                {groupControls ? groupControls(group) : null}
              </span>
            </th>
          </tr>,
          ...group.agents.map((agent) => <AgentRow key={agent.id} agent={agent} now={now} actions={actions ? actions(agent) : undefined} />),
        ];
      })}
    </Table>
  );
}
