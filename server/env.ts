// The web process's configuration, parsed once at start; nothing else reads process.env.
import { parseServerEnv } from "./env-schema";

export type { ServerEnv } from "./env-schema";

export const env = parseServerEnv();

/** Baton's public URL without a trailing slash. */
export const baseUrl = (env.BATON_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
