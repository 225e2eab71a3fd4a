"use client";
// What the daemons decided about a start this page sent: the first decision for the profile
// stamped after the command (both by the server's clock), read from the scaling decisions that
// the Agents page keeps fresh. A start's refusal says why ("host limit reached: 4 of 4 agents").
import { useQuery } from "@tanstack/react-query";
import { SCALING_EVENTS_SHOWN } from "@/components/hooks/use-scaling-events";
import { useTRPC } from "@/components/providers/trpc";

export type StartDecision = { kind: "started" } | { kind: "refused"; reason: string };

export function startDecisionOf(events: readonly { profile: string; action: string; reason: string; createdAt: Date }[], profile: string, sentAt: Date): StartDecision | null {
  const decision = events
    .filter((event) => event.profile === profile && event.createdAt >= sentAt && (event.action === "start" || event.action === "refused"))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  if (!decision) return null;
  if (decision.action === "start") return { kind: "started" };
  // "start requested by someone@example.test; host limit reached: 4 of 4 agents"
  return { kind: "refused", reason: decision.reason.replace(/^start requested by [^;]*;\s*/, "") };
}

export function useStartDecision(profile: string, sentAt: Date | null): StartDecision | null {
  const trpc = useTRPC();
  // The same query the page's Scaling decisions card keeps fresh; this only reads its cache.
  const events = useQuery({ ...trpc.agent.scalingEvents.queryOptions({ limit: SCALING_EVENTS_SHOWN }), enabled: sentAt !== null });
  return sentAt && events.data ? startDecisionOf(events.data, profile, sentAt) : null;
}

/** The decision in a few words, for the note beside the button that sent the start. */
export const describeStartDecision = (decision: StartDecision) => (decision.kind === "started" ? "Started" : `Refused: ${decision.reason}`);
