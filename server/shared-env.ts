// Settings every Baton process needs; server/env.ts and agent/env.ts extend this schema.
import { z } from "zod";

/** Unset and empty are the same: `FOO=` in a shell or compose file means "not configured". */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const ZSharedEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL"),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// URL").default("redis://127.0.0.1:6379"),
  BATON_REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes only")
    .default("baton"),
  ANTHROPIC_API_KEY: optional(z.string().min(1)),
  BATON_MODEL: z.string().min(1).default("claude-sonnet-5"),
  /** In production, start even on a Redis that keeps nothing on disk or evicts keys (demos only). */
  BATON_ALLOW_EPHEMERAL_REDIS: z.enum(["0", "1"]).default("0").transform((value) => value === "1"),
});

export type SharedEnv = z.infer<typeof ZSharedEnvSchema>;
