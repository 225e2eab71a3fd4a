"use client";
// An admin's controls for one agent, behind one compact "Manage" button so the table stays
// narrow: Restart, and Stop with a choice — after its current subtask, or now with the subtask
// handed back to the queue. The command goes to the daemons; the table changes when the daemon
// that runs the agent has acted.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";

export function AgentActions({ agentId, busy, stopping }: { agentId: string; busy: boolean; stopping: boolean }) {
  const trpc = useTRPC();
  const [asking, setAsking] = useState(false);
  const stop = useMutation(trpc.agent.stop.mutationOptions({ onSettled: () => setAsking(false) }));
  const restart = useMutation(trpc.agent.restart.mutationOptions({ onSettled: () => setAsking(false) }));
  const pending = stop.isPending || restart.isPending;
  const error = stop.error ?? restart.error;
  const sent = stop.isSuccess ? "Stop sent" : restart.isSuccess ? "Restart sent" : null;

  if (stopping) return <span className="text-xs text-subtle">stopping…</span>;
  return (
    <span className="inline-flex items-center gap-2">
      {asking ? (
        <span role="group" aria-label="Manage this agent" className="inline-flex items-center gap-2" onKeyDown={(e) => e.key === "Escape" && setAsking(false)}>
          <Button size="sm" onClick={() => restart.mutate({ agentId })} disabled={pending} title="Start a fresh agent of this profile; this one finishes its subtask and exits">
            Restart
          </Button>
          <Button size="sm" variant="danger" onClick={() => stop.mutate({ agentId, mode: "graceful" })} disabled={pending} title="The agent finishes the subtask it holds, then exits; below the profile's minimum the daemon starts a replacement">
            {busy ? "Stop after its subtask" : "Stop"}
          </Button>
          {busy ? (
            <Button size="sm" variant="danger" onClick={() => stop.mutate({ agentId, mode: "now" })} disabled={pending} title="Kill it now; its subtask goes back to the queue">
              Now, requeue subtask
            </Button>
          ) : null}
          <Button size="sm" variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
            Cancel
          </Button>
        </span>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setAsking(true)} disabled={pending} aria-label={`Restart or stop agent ${agentId}`}>
          Manage
        </Button>
      )}
      {error ? (
        <span role="alert" className="text-xs text-danger-fg">
          {errorMessage(error)}
        </span>
      ) : sent ? (
        <span className="text-xs text-subtle">{sent}</span>
      ) : null}
    </span>
  );
}
