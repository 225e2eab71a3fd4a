"use client";
// "Ended": agent processes that exited or crashed, newest first, with how and why they ended, a
// page at a time. Kept current by the fleet room (see use-fleet).
import { useInfiniteQuery } from "@tanstack/react-query";

import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadMore } from "@/components/ui/load-more";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { EndedAgentTable } from "./ended-agent-table";

const PAGE_SIZE = 20;

export function AgentHistory() {
  const trpc = useTRPC();
  const history = useInfiniteQuery(trpc.agent.history.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const agents = history.data?.pages.flatMap((page) => page.items) ?? [];
  if (history.isPending) return <TableSkeleton label="Loading ended processes" rows={2} />;
  if (history.isError && agents.length === 0) {
    return (
      <div className="p-4">
        <Alert title="Could not load ended processes">{errorMessage(history.error)}</Alert>
      </div>
    );
  }
  if (agents.length === 0) {
    return (
      <EmptyState title="No ended processes" className="py-6">
        Agents that exit or crash are listed here with their exit code and reason.
      </EmptyState>
    );
  }
  return (
    <>
      <EndedAgentTable agents={agents} />
      <LoadMore query={history} />
    </>
  );
}
