"use client";
// Agents: the live fleet (admins stop and restart agents), the daemons' scaling decisions,
// recently ended processes and the profiles they run (admins start agents).
import { AgentActions } from "@/components/agents/agent-actions";
import { EndedAgentTable } from "@/components/agents/ended-agent-table";
import { LiveAgentTable } from "@/components/agents/live-agent-table";
import { ProfileList } from "@/components/agents/profile-list";
import { ScalingDecisions } from "@/components/agents/scaling-decisions";
import { useFleet } from "@/components/hooks/use-fleet";
import { useScalingEvents } from "@/components/hooks/use-scaling-events";
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

const LoadError = ({ title, error }: { title: string; error: unknown }) => (
  <div className="p-4">
    <Alert title={title}>{errorMessage(error)}</Alert>
  </div>
);

const BUSY_STATES = new Set(["CLAIMED", "WORKING", "WAITING", "COMPLETING"]);

export function AgentsPage({ canManage }: { canManage: boolean }) {
  const { agents, profiles } = useFleet();
  const scaling = useScalingEvents();
  const live = agents.data?.live ?? [];
  const ended = agents.data?.ended ?? [];
  const hostsByProfile = new Map<string, Set<string>>();
  for (const agent of live) hostsByProfile.set(agent.profile, (hostsByProfile.get(agent.profile) ?? new Set<string>()).add(agent.host));
  const counts = new Map(
    [...hostsByProfile].map(([profile, hosts]) => [profile, { running: live.filter((a) => a.profile === profile).length, hosts: hosts.size }]),
  );

  return (
    <>
      <PageHeader title="Agents" description="Agent processes on this installation. Updates live; heartbeats are expected every few seconds." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Live processes" description={agents.data ? `${live.length} live` : undefined} />
          {agents.isPending ? (
            loading
          ) : agents.isError && !agents.data ? (
            <LoadError title="Could not load agents" error={agents.error} />
          ) : live.length === 0 ? (
            <EmptyState title="The agent daemon is not running">
              No agent process has registered. Start the daemon with <code className="font-mono whitespace-nowrap text-foreground">npm run daemon</code> (or run{" "}
              <code className="font-mono whitespace-nowrap text-foreground">npm run dev</code>, which starts everything); agents appear here as they come up.
            </EmptyState>
          ) : (
            <LiveAgentTable
              agents={live}
              actions={canManage ? (agent) => <AgentActions agentId={agent.id} busy={BUSY_STATES.has(agent.state)} stopping={agent.state === "TERMINATING"} /> : undefined}
            />
          )}
        </Card>

        <Card>
          <CardHeader
            title="Scaling decisions"
            description="What the agent daemons decided and why: more agents while jobs wait, fewer after the cool-down, starts refused by host limits, agents killed over a limit."
          />
          {scaling.isPending ? (
            loading
          ) : scaling.isError && !scaling.data ? (
            <LoadError title="Could not load scaling decisions" error={scaling.error} />
          ) : scaling.data.length === 0 ? (
            <EmptyState title="No decisions yet" className="py-6">
              The daemon records here each agent it starts, retires, refuses to start or kills.
            </EmptyState>
          ) : (
            <ScalingDecisions events={scaling.data} />
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
          <CardHeader
            title="Profiles"
            description="Each profile is a kind of agent. The daemon keeps at least its minimum running, adds agents while jobs wait, up to its maximum, and retires idle ones after a cool-down."
          />
          {profiles.isPending ? (
            loading
          ) : profiles.isError ? (
            <LoadError title="Could not load profiles" error={profiles.error} />
          ) : profiles.data.length === 0 ? (
            <EmptyState title="No profiles">Run the database seed to create the default profiles.</EmptyState>
          ) : (
            <ProfileList profiles={profiles.data} counts={counts} canManage={canManage} />
          )}
        </Card>
      </div>
    </>
  );
}
