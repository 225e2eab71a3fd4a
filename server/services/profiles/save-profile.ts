// Creating and editing agent profiles (admins). The daemon reads min/max agents on its next sync;
// running agents pick up prompt, tools and limits for their next job.
import { z } from "zod";
import type { Actor } from "../../auth/actor";
import { Prisma, type Db } from "../../db/create-prisma";
import { recordAudit } from "../audit/record-audit";
import { ServiceError } from "../service-error";
import { WORKSPACE_TOOLS } from "./default-profiles";

const ZCapability = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "capabilities are short lowercase words, e.g. analyze");

export const ZProfileFieldsSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, "use 2–40 lowercase letters, digits and dashes, starting with a letter"),
    description: z.string().trim().min(1, "is empty — say what this kind of agent is for").max(500),
    capabilities: z.array(ZCapability).min(1, "needs at least one capability").max(20),
    model: z.string().trim().max(100).nullable().transform((value) => value || null),
    systemPrompt: z.string().trim().min(1, "is empty").max(20_000, "is longer than 20,000 characters"),
    allowedTools: z.array(z.enum(WORKSPACE_TOOLS)).max(WORKSPACE_TOOLS.length),
    maxTurns: z.number().int().min(1).max(200),
    timeoutSeconds: z.number().int().min(10).max(86_400),
    memoryLimitMb: z.number().int().min(64).max(65_536),
    networkAllowed: z.boolean(),
    approvalMode: z.enum(["NONE", "COMMANDS", "WRITES"]),
    approvalTimeoutSeconds: z.number().int().min(10).max(86_400),
    minAgents: z.number().int().min(0).max(64),
    maxAgents: z.number().int().min(0).max(64),
    maxConcurrentCalls: z.number().int().min(1).max(1000).nullable(),
  })
  .refine((profile) => profile.maxAgents >= profile.minAgents, { path: ["maxAgents"], message: "must be at least the minimum number of agents" });

export const ZUpdateProfileSchema = z.object({ id: z.string().min(1).max(64), profile: ZProfileFieldsSchema });
export type ProfileFields = z.output<typeof ZProfileFieldsSchema>;

export async function createProfile(db: Db, actor: Actor, profile: ProfileFields, ip?: string) {
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.agentProfile.create({ data: profile, select: { id: true, name: true } });
      await recordAudit(tx, { actor, action: "profile.created", target: { type: "profile", id: created.id }, data: { name: created.name }, ip });
      return created;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ServiceError("CONFLICT", `A profile named "${profile.name}" already exists.`);
    }
    throw error;
  }
}

export async function updateProfile(db: Db, actor: Actor, input: z.output<typeof ZUpdateProfileSchema>, ip?: string) {
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.agentProfile.findUnique({ where: { id: input.id } });
      if (!before) throw new ServiceError("NOT_FOUND", `No profile with id "${input.id}".`);
      const changed = (Object.keys(input.profile) as (keyof ProfileFields)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(input.profile[key]),
      );
      if (changed.length === 0) return { id: before.id, name: before.name, changed };
      const updated = await tx.agentProfile.update({ where: { id: input.id }, data: input.profile, select: { id: true, name: true } });
      await recordAudit(tx, { actor, action: "profile.updated", target: { type: "profile", id: updated.id }, data: { name: updated.name, changed }, ip });
      return { ...updated, changed };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ServiceError("CONFLICT", `A profile named "${input.profile.name}" already exists.`);
    }
    throw error;
  }
}
