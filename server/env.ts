// The web process's configuration, parsed once at start; nothing else reads process.env.
import { z } from "zod";
import { optional, ZSharedEnvSchema } from "./shared-env";

const ZServerEnvSchema = ZSharedEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  BATON_URL: optional(z.url()),
});

export type ServerEnv = z.infer<typeof ZServerEnvSchema>;

function parseServerEnv(): ServerEnv {
  const parsed = ZServerEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export const env = parseServerEnv();
