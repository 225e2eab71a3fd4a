"use client";
// What agents on this task asked to do and are waiting for: the exact command line or the path
// and size of a write, with Approve and Deny for the task's creator and admins. Decided requests
// stay listed underneath so the record of who allowed what is on the page. Hidden when an agent
// never asked for anything.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useThrottledRefresh } from "@/components/hooks/use-throttled-refresh";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC, type RouterOutputs } from "@/components/providers/trpc";
import { StatusBadge } from "@/components/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatClock } from "@/components/format/time";
import { can, PROCEDURE_RULES } from "@/server/auth/permissions";

type ApprovalView = RouterOutputs["approval"]["list"][number];

/** A safety net while something is pending; task events do the real work. */
const PENDING_REFRESH_MS = 5_000;

export function ApprovalsPanel({ taskId, createdById }: { taskId: string; createdById: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.account.me.queryOptions());
  const approvals = useQuery(
    trpc.approval.list.queryOptions({ taskId }, { refetchInterval: (query) => (query.state.data?.some((a) => a.status === "PENDING") ? PENDING_REFRESH_MS : false) }),
  );
  const refresh = () => void queryClient.invalidateQueries(trpc.approval.list.queryFilter({ taskId }));
  useThrottledRefresh("task:update", (update) => update.taskId === taskId, refresh, 500);
  const decide = useMutation(trpc.approval.decide.mutationOptions({ onSettled: refresh }));

  const list = approvals.data ?? [];
  if (list.length === 0) return null;
  const pending = list.filter((a) => a.status === "PENDING");
  const decided = list.filter((a) => a.status !== "PENDING");
  const mayDecide =
    !!me.data && can(me.data.role, PROCEDURE_RULES["approval.decide"].role) && (me.data.id === createdById || can(me.data.role, "decideAnyApproval"));

  return (
    <Card data-testid="approvals">
      <CardHeader
        title={pending.length > 0 ? `Waiting for approval (${pending.length})` : "Approvals"}
        description={
          pending.length > 0
            ? mayDecide
              ? "An agent is paused until you decide. Denying tells the agent, which carries on without it."
              : "An agent is paused until the task's creator or an admin decides."
            : "What agents asked to do on this task, and who decided."
        }
      />
      {decide.error ? <Alert className="mx-4 mt-3">{errorMessage(decide.error)}</Alert> : null}
      <ul className="divide-y divide-border">
        {[...pending, ...decided].map((approval) => (
          <li key={approval.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3" data-testid="approval" data-status={approval.status}>
            <div className="min-w-0 flex-1 space-y-1">
              <p className="text-xs text-muted">
                #{approval.subtask.index + 1} {approval.subtask.title} asks to {approval.kind === "command" ? "run" : "write"} · {formatClock(approval.createdAt)}
              </p>
              <Detail approval={approval} />
            </div>
            {approval.status === "PENDING" && mayDecide ? (
              <div className="flex shrink-0 gap-2">
                <Button variant="primary" size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ id: approval.id, approve: true })}>
                  Approve
                </Button>
                <Button variant="danger" size="sm" disabled={decide.isPending} onClick={() => decide.mutate({ id: approval.id, approve: false })}>
                  Deny
                </Button>
              </div>
            ) : (
              <Outcome approval={approval} />
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Detail({ approval }: { approval: ApprovalView }) {
  const detail = approval.detail;
  if ("command" in detail) {
    return <pre className="overflow-x-auto rounded-md bg-surface-muted px-2 py-1.5 font-mono text-xs whitespace-pre-wrap break-all text-foreground">{detail.command}</pre>;
  }
  return (
    <p className="text-sm text-foreground">
      <code className="font-mono">{detail.path}</code> <span className="text-muted">({detail.bytes.toLocaleString()} bytes)</span>
    </p>
  );
}

function Outcome({ approval }: { approval: ApprovalView }) {
  const by = approval.status === "EXPIRED" ? "nobody answered in time" : approval.decidedBy ? `by ${approval.decidedBy}` : null;
  return (
    <div className="shrink-0 text-right">
      <StatusBadge status={approval.status} />
      {by ? <p className="mt-1 text-xs text-subtle">{by}</p> : null}
    </div>
  );
}
