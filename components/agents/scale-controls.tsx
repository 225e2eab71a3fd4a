"use client";
// An admin's scale controls for one group of the live board (a profile on a host): add an agent
// of the profile, or retire one — the agent idle longest, gracefully, so no subtask is cut off.
// Below the profile's minimum the daemon would start a replacement, so retiring stops there.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { withArticle } from "@/components/format/words";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import type { AgentGroup } from "./live-agent-table";
import { isBusy } from "./live-agent-table";
import type { ProfileView } from "./profile-list";
import { describeStartDecision, useStartDecision } from "./use-start-decision";

/** The agent to retire: an idle one (idle longest first), else the newest that is not busy. */
export function agentToRetire(group: AgentGroup) {
  const candidates = group.agents.filter((agent) => !isBusy(agent) && agent.state !== "TERMINATING");
  const idle = candidates.filter((agent) => agent.state === "IDLE").sort((a, b) => a.stateChangedAt.getTime() - b.stateChangedAt.getTime());
  return idle[0] ?? candidates.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime())[0] ?? null;
}

export function ScaleControls({ group, profile }: { group: AgentGroup; profile: ProfileView | undefined }) {
  const trpc = useTRPC();
  // The note of the last command sent, shown a few seconds; for a start, then what the daemon
  // decided ("Started", or why it refused), the board itself showing the rest.
  const [sent, setSent] = useState<{ note: string; startSentAt: Date | null } | null>(null);
  const decision = useStartDecision(group.profile, sent?.startSentAt ?? null);
  const note = decision ? describeStartDecision(decision) : (sent?.note ?? null);
  useEffect(() => {
    if (!note) return;
    const timer = setTimeout(() => setSent(null), 6000);
    return () => clearTimeout(timer);
  }, [note]);
  const start = useMutation(trpc.agent.start.mutationOptions({ onSuccess: (result) => setSent({ note: "Start sent", startSentAt: result.sentAt }) }));
  const stop = useMutation(trpc.agent.stop.mutationOptions({ onSuccess: () => setSent({ note: "Retire sent", startSentAt: null }) }));
  const running = group.agents.filter((agent) => agent.state !== "TERMINATING").length;
  const retire = agentToRetire(group);
  const atMinimum = profile ? running <= profile.minAgents : false;
  const atMaximum = profile ? running >= profile.maxAgents : false;
  const error = start.error ?? stop.error;
  const who = `${group.profile} agent on ${group.host}`;

  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={`Scale ${group.profile} on ${group.host}`}>
      {error ? (
        <span role="alert" className="text-xs text-danger-fg">
          {errorMessage(error)}
        </span>
      ) : note ? (
        <span className={decision?.kind === "refused" ? "text-xs text-warning-fg" : "text-xs text-subtle"} role="status">
          {note}
        </span>
      ) : null}
      <Button
        size="sm"
        variant="ghost"
        onClick={() => {
          start.reset();
          if (retire) stop.mutate({ agentId: retire.id, mode: "graceful" });
        }}
        disabled={stop.isPending || !retire || atMinimum}
        aria-label={`Retire one ${who}`}
        title={atMinimum ? `At the profile's minimum (${profile!.minAgents}); the daemon would start a replacement` : !retire ? "Every agent is busy; stop one after its subtask from its row" : "Stop the agent idle longest; it exits after any subtask it holds"}
      >
        − Retire one
      </Button>
      <Button
        size="sm"
        onClick={() => {
          stop.reset();
          start.mutate({ profile: group.profile });
        }}
        disabled={start.isPending || atMaximum}
        aria-label={`Add ${withArticle(group.profile)} agent`}
        title={atMaximum ? `At the profile's maximum (${profile!.maxAgents}); raise it on the profile to run more` : `Start one more ${group.profile} agent`}
      >
        + Add one
      </Button>
    </span>
  );
}
