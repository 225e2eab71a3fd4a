// Messages between the agent daemon and the agent processes it forks (Node IPC channel).
import { z } from "zod";
import { ZLiveAgentStateSchema } from "./agent-state";

export const ZAgentWorkStateSchema = ZLiveAgentStateSchema;

export const ZAgentToDaemonSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({
    type: z.literal("heartbeat"),
    state: ZAgentWorkStateSchema,
    /** When the agent entered `state` (epoch ms), so the record shows how long it has been there. */
    stateChangedAt: z.number().int().optional(),
    subtaskId: z.string().nullable(),
  }),
]);
export type AgentToDaemonMessage = z.infer<typeof ZAgentToDaemonSchema>;

export const ZDaemonToAgentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("shutdown"), reason: z.string() }),
]);
export type DaemonToAgentMessage = z.infer<typeof ZDaemonToAgentSchema>;
