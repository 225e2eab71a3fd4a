// Agent processes that have stopped, newest first, with how and why they ended.
import { elapsedMs, formatDuration } from "@/components/format/duration";
import { shortId } from "@/components/format/short-id";
import { formatFullDate, formatShortDate } from "@/components/format/time";
import { StatusBadge } from "@/components/status-badge";
import type { RouterOutputs } from "@/components/providers/trpc";
import { mutedTableCell, numericTableCell, Table, type TableColumn } from "@/components/ui/table";

export type EndedAgentView = RouterOutputs["agent"]["history"]["items"][number];

function exitLabel(agent: EndedAgentView): string {
  if (agent.exitSignal) return agent.exitSignal;
  if (agent.exitCode !== null) return `code ${agent.exitCode}`;
  return "—";
}

const COLUMNS: TableColumn[] = [
  { label: "Agent" },
  { label: "Profile" },
  { label: "PID", numeric: true },
  { label: "State" },
  { label: "Exit" },
  { label: "Reason" },
  { label: "Ran for", numeric: true },
  { label: "Ended" },
];

export function EndedAgentTable({ agents }: { agents: EndedAgentView[] }) {
  return (
    <Table columns={COLUMNS} label="Recently ended agents">
      {agents.map((agent) => {
        const ran = agent.endedAt ? elapsedMs(agent.startedAt, agent.endedAt, agent.endedAt.getTime()) : null;
        return (
          <tr key={agent.id} data-testid="ended-agent-row">
            <td className={`${mutedTableCell} font-mono text-foreground`} title={`${agent.id} on ${agent.host}`}>{shortId(agent.id)}</td>
            <td className={mutedTableCell}>{agent.profile}</td>
            <td className={`${numericTableCell} font-mono`}>{agent.pid ?? "—"}</td>
            <td className={mutedTableCell}>
              <StatusBadge status={agent.state} />
            </td>
            <td className={`${mutedTableCell} font-mono`}>{exitLabel(agent)}</td>
            <td className="max-w-72 px-3 py-2.5 text-muted">
              <span className="line-clamp-2" title={agent.exitReason ?? undefined}>{agent.exitReason ?? "—"}</span>
            </td>
            <td className={numericTableCell}>{ran === null ? "—" : formatDuration(ran)}</td>
            <td className={mutedTableCell} title={agent.endedAt ? formatFullDate(agent.endedAt) : undefined}>
              {agent.endedAt ? formatShortDate(agent.endedAt) : "—"}
            </td>
          </tr>
        );
      })}
    </Table>
  );
}
