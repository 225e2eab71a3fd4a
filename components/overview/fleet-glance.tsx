"use client";
// The fleet at a glance: live agents by state, and per profile the agents, queued and running
// subtasks. Agents come from the agents page's live hook; the queue from PostgreSQL.
import Link from "next/link";
import { useFleet } from "@/components/hooks/use-fleet";
import { errorMessage } from "@/components/live/error-message";
import type { RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge, statusLabel } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { numericTableCell, Table, tableCell } from "@/components/ui/table";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { LIVE_AGENT_STATES } from "@/server/contracts/agent-state";

type QueueRow = RouterOutputs["overview"]["queues"][number];

export function FleetGlance({ queues }: { queues: { data?: QueueRow[]; isPending: boolean; isError: boolean; error: unknown } }) {
  const { agents } = useFleet();
  const live = agents.data?.live ?? [];
  const byState = LIVE_AGENT_STATES.map((state) => ({ state, count: live.filter((agent) => agent.state === state).length })).filter((row) => row.count > 0);
  const agentsOf = (profile: string) => live.filter((agent) => agent.profile === profile).length;

  return (
    <Card className="min-w-0" data-testid="overview-fleet">
      <CardHeader
        title="Fleet"
        description={agents.data ? `${live.length} live agent${live.length === 1 ? "" : "s"}` : "Agent processes and their queues"}
        actions={
          <Link href="/agents" className="text-sm font-medium text-accent hover:underline">
            Agents →
          </Link>
        }
      />
      {agents.isPending ? (
        <TableSkeleton label="Loading agents" rows={1} />
      ) : agents.isError && !agents.data ? (
        <div className="p-4">
          <Alert title="Could not load agents">{errorMessage(agents.error)}</Alert>
        </div>
      ) : live.length === 0 ? (
        <EmptyState title="No agent is running" className="py-6">
          Start the agent daemon (<code className="font-mono text-foreground">npm run daemon</code>); agents appear here as they come up.
        </EmptyState>
      ) : (
        <ul className="flex flex-wrap gap-2 px-4 py-3" aria-label="Live agents by state">
          {byState.map(({ state, count }) => (
            <li key={state}>
              <Link href="/agents" className="inline-flex items-center gap-1.5 rounded-md border border-border px-2 py-1 text-sm hover:bg-surface-muted" aria-label={`${count} ${statusLabel(state).toLowerCase()}`}>
                <span className="font-semibold tabular-nums text-foreground">{count}</span>
                <StatusBadge status={state} />
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="border-t border-border">
        {queues.isPending ? (
          <TableSkeleton label="Loading queues" rows={2} />
        ) : queues.isError && !queues.data ? (
          <div className="p-4">
            <Alert title="Could not load the queues">{errorMessage(queues.error)}</Alert>
          </div>
        ) : (
          <Table columns={[{ label: "Profile" }, { label: "Agents", numeric: true }, { label: "Queued", numeric: true }, { label: "Running", numeric: true }]}>
            {(queues.data ?? []).map((row) => (
              <tr key={row.profileId} data-testid="queue-row">
                <td className={`${tableCell} font-medium text-foreground`}>{row.profile}</td>
                <td className={numericTableCell}>{agentsOf(row.profile)}</td>
                <td className={`${numericTableCell} ${row.queued > 0 ? "font-medium text-foreground" : ""}`}>{row.queued}</td>
                <td className={numericTableCell}>{row.running}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Card>
  );
}
