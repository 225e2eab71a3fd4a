// The web process's settings and their validation, without reading anything (see server/env.ts).
import { z } from "zod";
import { optional, ZSharedEnvSchema } from "./shared-env";

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const ZServerEnvSchema = ZSharedEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /**
   * The address the web server listens on: every interface, but only loopback while the
   * password-less development sign-in is on, which must not be offered to the network (nor to an
   * agent's command where its network cannot be fenced off from the host's addresses; see
   * agent/tools/network-fence.ts).
   */
  HOSTNAME: optional(z.string().min(1)),
  /** Where users reach Baton; cookie-authenticated writes must come from this origin. */
  BATON_URL: optional(z.url()),
  /** Signs Auth.js cookies; `npm run dev` and `npm test` generate one into .baton/defaults.env. */
  BATON_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** Comma-separated e-mail domains whose people may join as members without an invitation. */
  BATON_ALLOWED_DOMAINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
        .filter(Boolean),
    ),
  /** A password-less sign-in form for local demos; refused in production. */
  BATON_DEV_LOGIN: flag.default(false),
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For. */
  BATON_TRUST_PROXY: flag.default(false),
  /** Task workspaces, read for the task page's file list and downloads (relative to the working folder). */
  BATON_WORKSPACES: z.string().min(1).default(".baton/workspaces"),
  /** The files every workspace starts with; unchanged copies are left out of the file list. */
  BATON_WORKSPACE_SEED: z.string().min(1).default("agent/workspace-seed"),
  /** Bearer token for /api/metrics; unset, metrics are served to loopback clients only. */
  BATON_METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
  BATON_TASK_CREATES_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  BATON_TOKEN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  AUTH_GITHUB_ID: optional(z.string()),
  AUTH_GITHUB_SECRET: optional(z.string()),
  AUTH_GOOGLE_ID: optional(z.string()),
  AUTH_GOOGLE_SECRET: optional(z.string()),
  AUTH_OIDC_ISSUER: optional(z.url()),
  AUTH_OIDC_ID: optional(z.string()),
  AUTH_OIDC_SECRET: optional(z.string()),
  AUTH_OIDC_NAME: z.string().min(1).default("Single sign-on"),
  /** The issuer only hands out addresses it manages, without the email_verified claim (see auth/email-verified.ts). */
  AUTH_OIDC_EMAILS_VERIFIED: flag.default(false),
}).superRefine((value, ctx) => {
  if (value.BATON_DEV_LOGIN && value.NODE_ENV === "production") {
    ctx.addIssue({ code: "custom", path: ["BATON_DEV_LOGIN"], message: "the development sign-in cannot be enabled when NODE_ENV=production" });
  }
  const groups = [
    ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
    ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
    ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID", "AUTH_OIDC_SECRET"],
  ] as const;
  for (const group of groups) {
    const set = group.filter((name) => value[name] !== undefined);
    if (set.length > 0 && set.length < group.length) {
      const missing = group.filter((name) => value[name] === undefined);
      ctx.addIssue({ code: "custom", path: [missing[0]!], message: `is required when ${set.join(" and ")} is set` });
    }
  }
}).transform((value) => ({ ...value, HOSTNAME: value.HOSTNAME ?? (value.BATON_DEV_LOGIN ? "127.0.0.1" : "0.0.0.0") }));

export type ServerEnv = z.infer<typeof ZServerEnvSchema>;

export function parseServerEnv(source: Record<string, string | undefined> = process.env): ServerEnv {
  const parsed = ZServerEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
