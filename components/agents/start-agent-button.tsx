"use client";
// An admin's "Start agent" for one profile. The daemon that can admit it starts it (or records
// why it refused in the scaling decisions), and the button then says which; it also says when the
// profile is at its maximum.
import { useMutation } from "@tanstack/react-query";
import { withArticle } from "@/components/format/words";
import { errorMessage } from "@/components/live/error-message";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { describeStartDecision, useStartDecision } from "./use-start-decision";

export function StartAgentButton({ profile, atMaximum }: { profile: string; atMaximum: boolean }) {
  const trpc = useTRPC();
  const start = useMutation(trpc.agent.start.mutationOptions());
  const decision = useStartDecision(profile, start.data?.sentAt ?? null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        onClick={() => start.mutate({ profile })}
        disabled={start.isPending || atMaximum}
        aria-label={`Start ${withArticle(profile)} agent`}
        title={atMaximum ? "At the profile's maximum; raise it on the profile to run more" : `Start one more ${profile} agent`}
      >
        {start.isPending ? "Starting…" : "Start agent"}
      </Button>
      {atMaximum ? (
        <span className="text-xs text-subtle">At its maximum</span>
      ) : start.isError ? (
        <span role="alert" className="text-xs text-danger-fg">
          {errorMessage(start.error)}
        </span>
      ) : decision ? (
        <span role="status" className={decision.kind === "refused" ? "text-xs text-warning-fg" : "text-xs text-subtle"}>
          {describeStartDecision(decision)}
        </span>
      ) : start.isSuccess ? (
        <span role="status" className="text-xs text-subtle">
          Sent; waiting for the daemon
        </span>
      ) : null}
    </span>
  );
}
