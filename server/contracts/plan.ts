// The plan Claude returns through the submit_plan tool. The JSON schema given to the model and
// the runtime validation come from this one definition.
import { z } from "zod";

export const MAX_PLAN_SUBTASKS = 64;

export const ZPlannedSubtaskSchema = z.object({
  title: z.string().min(1).max(200),
  instructions: z.string().min(1).max(20_000),
  capabilities: z.array(z.string().min(1).max(40)).max(10).default([]),
  dependsOn: z.array(z.number().int()).max(MAX_PLAN_SUBTASKS).default([]),
  priority: z.number().int().min(1).max(10).default(5),
  estimateSeconds: z.number().int().min(1).max(86_400).optional(),
  optional: z.boolean().default(false),
});

export const ZPlanSchema = z.object({
  subtasks: z.array(ZPlannedSubtaskSchema),
});

export type Plan = z.infer<typeof ZPlanSchema>;
export type PlannedSubtask = z.infer<typeof ZPlannedSubtaskSchema>;

export const ZTaskResultSchema = z.object({
  markdown: z.string().min(1).max(200_000),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type TaskResult = z.infer<typeof ZTaskResultSchema>;

export const ZFinishSchema = z.object({
  summary: z.string().min(1).max(20_000),
  output: z.record(z.string(), z.unknown()).optional(),
});
export type FinishInput = z.infer<typeof ZFinishSchema>;
