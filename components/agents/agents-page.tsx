"use client";
// Agents: the live board grouped by profile and host (admins scale groups, stop and restart
// agents), the daemons' scaling decisions, recently ended processes and the profiles they run.
import { AgentActions } from "@/components/agents/agent-actions";
import { AgentHistory } from "@/components/agents/agent-history";
import { isBusy, LiveAgentTable } from "@/components/agents/live-agent-table";
import { ProfileList } from "@/components/agents/profile-list";
import { ScaleControls } from "@/components/agents/scale-controls";
import { ScalingDecisions } from "@/components/agents/scaling-decisions";
import { useFleet } from "@/components/hooks/use-fleet";
import { SCALING_EVENTS_SHOWN, useScalingEvents } from "@/components/hooks/use-scaling-events";
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

export function AgentsPage({ canManage }: { canManage: boolean }) {
  const { agents, profiles } = useFleet();
  const scaling = useScalingEvents();
  const live = agents.data?.live ?? [];
  const hostsByProfile = new Map<string, Set<string>>();
  for (const agent of live) hostsByProfile.set(agent.profile, (hostsByProfile.get(agent.profile) ?? new Set<string>()).add(agent.host));
  const profileByName = new Map((profiles.data ?? []).map((profile) => [profile.name, profile]));
  const hosts = new Set(live.map((agent) => agent.host)).size;
  const counts = new Map(
    [...hostsByProfile].map(([profile, hosts]) => [profile, { running: live.filter((a) => a.profile === profile).length, hosts: hosts.size }]),
  );

  return (
    <>
      <PageHeader title="Agents" description="Agent processes on this installation. Updates live; heartbeats are expected every few seconds." />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Live processes"
            description={agents.data ? `${live.length} live on ${hosts} ${hosts === 1 ? "host" : "hosts"}, grouped by profile and host. CPU and memory lines show the last two minutes.` : undefined}
          />
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
              actions={canManage ? (agent) => <AgentActions agentId={agent.id} busy={isBusy(agent)} stopping={agent.state === "TERMINATING"} /> : undefined}
              groupControls={canManage ? (group) => <ScaleControls group={group} profile={profileByName.get(group.profile)} /> : undefined}
            />
          )}
        </Card>

        <Card>
          <CardHeader
            title="Scaling decisions"
            description={`What the agent daemons decided and why: more agents while jobs wait, fewer after the cool-down, starts refused by host limits, agents killed over a limit. The latest ${SCALING_EVENTS_SHOWN}, newest first; the audit log keeps what people did.`}
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
          <CardHeader title="Ended" description="Processes that exited or crashed, newest first, with their exit and why." />
          <AgentHistory />
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
