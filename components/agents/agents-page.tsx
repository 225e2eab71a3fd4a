"use client";
// Agents: the live fleet, recently ended processes and the profiles they run.
import { EndedAgentTable } from "@/components/agents/ended-agent-table";
import { LiveAgentTable } from "@/components/agents/live-agent-table";
import { ProfileList } from "@/components/agents/profile-list";
import { useFleet } from "@/components/hooks/use-fleet";
import { PageHeader } from "@/components/layout/page-header";
import { errorMessage } from "@/components/live/error-message";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";

const loading = (
  <div className="space-y-3 p-4" aria-busy="true">
    <Skeleton className="h-9 w-full" />
    <Skeleton className="h-9 w-full" />
  </div>
);

export function AgentsPage() {
  const { agents, profiles } = useFleet();
  const live = agents.data?.live ?? [];
  const ended = agents.data?.ended ?? [];
  const runningByProfile = new Map<string, number>();
  for (const agent of live) runningByProfile.set(agent.profile, (runningByProfile.get(agent.profile) ?? 0) + 1);

  return (
    <>
      <PageHeader title="Agents" description="Agent processes on this installation. Updates live; heartbeats are expected every few seconds." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Live processes" description={agents.data ? `${live.length} live` : undefined} />
          {agents.isPending ? (
            loading
          ) : agents.isError && !agents.data ? (
            <div className="p-4">
              <Alert title="Could not load agents">{errorMessage(agents.error)}</Alert>
            </div>
          ) : live.length === 0 ? (
            <EmptyState title="The agent daemon is not running">
              No agent process has registered. Start the daemon with <code className="font-mono whitespace-nowrap text-foreground">npm run daemon</code> (or run{" "}
              <code className="font-mono whitespace-nowrap text-foreground">npm run dev</code>, which starts everything); agents appear here as they come up.
            </EmptyState>
          ) : (
            <LiveAgentTable agents={live} />
          )}
        </Card>

        <Card>
          <CardHeader title="Recently ended" description="The last processes that exited or crashed." />
          {agents.isPending ? (
            loading
          ) : ended.length === 0 ? (
            <EmptyState title="No ended processes" className="py-6">Agents that exit or crash are listed here with their exit code and reason.</EmptyState>
          ) : (
            <EndedAgentTable agents={ended} />
          )}
        </Card>

        <Card>
          <CardHeader title="Profiles" description="Each profile is a kind of agent; the daemon keeps the desired number of each running." />
          {profiles.isPending ? (
            loading
          ) : profiles.isError ? (
            <div className="p-4">
              <Alert title="Could not load profiles">{errorMessage(profiles.error)}</Alert>
            </div>
          ) : profiles.data.length === 0 ? (
            <EmptyState title="No profiles">Run the database seed to create the default profiles.</EmptyState>
          ) : (
            <ProfileList profiles={profiles.data} runningByProfile={runningByProfile} />
          )}
        </Card>
      </div>
    </>
  );
}
