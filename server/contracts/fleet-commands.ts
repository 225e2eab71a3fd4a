// Commands from the dashboard to the agent daemons, over Redis pub/sub. Every daemon hears every
// command: the one that owns the agent acts on stop and restart, and the first daemon that can
// admit a new agent claims a start. Results come back as AgentProcess and ScalingEvent changes.
import { z } from "zod";

export const ZStopModeSchema = z.enum(["graceful", "now"]);
export type StopMode = z.infer<typeof ZStopModeSchema>;

const requestedBy = z.string().min(1);

export const ZFleetCommandSchema = z.discriminatedUnion("type", [
  z.object({ id: z.string().min(1), type: z.literal("start"), profile: z.string().min(1), requestedBy }),
  z.object({ id: z.string().min(1), type: z.literal("stop"), agentId: z.string().min(1), mode: ZStopModeSchema, requestedBy }),
  z.object({ id: z.string().min(1), type: z.literal("restart"), agentId: z.string().min(1), requestedBy }),
]);
export type FleetCommand = z.infer<typeof ZFleetCommandSchema>;
