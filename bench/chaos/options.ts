// Command-line options of the chaos run: its size, seed, ports and the services it may break.
import { parseArgs } from "node:util";

export interface ChaosOptions {
  short: boolean;
  seed: number;
  /** Faults to inject in all (the long Redis outage included). */
  faults: number;
  /** Wall-clock budget for injecting faults, in ms; the run stops injecting when it is spent. */
  durationMs: number;
  /** Length of the long Redis outage (0: none). */
  longOutageMs: number;
  /** Tasks kept in flight at once. */
  inFlight: number;
  /** How long every task may take to end after the last fault. */
  settleMs: number;
  ports: { web: number; redis: number; postgres: number; sim: number; daemonApi: number };
  redisUrl: string;
  databaseUrl: string;
  postgresData: string;
  redisData: string;
  prefix: string;
  /** The options that replay this run: the ones given, with its seed. */
  replayArgs: string[];
}

export function parseChaosOptions(argv: string[], env: NodeJS.ProcessEnv): ChaosOptions {
  const { values, tokens } = parseArgs({
    tokens: true,
    args: argv,
    options: {
      short: { type: "boolean", default: false },
      seed: { type: "string" },
      faults: { type: "string" },
      duration: { type: "string" },
      "long-outage": { type: "string" },
      "in-flight": { type: "string" },
    },
  });
  const short = values.short ?? false;
  const number = (raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`expected a non-negative number, got "${raw}"`);
    return value;
  };
  const required = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} must be set (bin/chaos sets it)`);
    return value;
  };
  const seed = number(values.seed, Math.floor(Math.random() * 2 ** 31));
  const given = tokens.flatMap((token) => (token.kind !== "option" || token.name === "seed" ? [] : [token.rawName, ...(token.value === undefined ? [] : [token.value])]));
  return {
    short,
    seed,
    faults: number(values.faults, short ? 14 : 200),
    durationMs: number(values.duration, short ? 35 : 25 * 60) * 1000,
    longOutageMs: number(values["long-outage"], short ? 0 : 130) * 1000,
    inFlight: number(values["in-flight"], short ? 4 : 6),
    settleMs: short ? 40_000 : 120_000,
    ports: {
      web: Number(required("CHAOS_WEB_PORT")),
      redis: Number(required("CHAOS_REDIS_PORT")),
      postgres: Number(required("CHAOS_PG_PORT")),
      sim: Number(required("CHAOS_AUX_PORT")),
      daemonApi: Number(required("CHAOS_AUX_PORT")) + 1,
    },
    redisUrl: required("REDIS_URL"),
    databaseUrl: required("DATABASE_URL"),
    postgresData: required("CHAOS_PG_DATA"),
    redisData: required("CHAOS_REDIS_DATA"),
    prefix: env.BATON_REDIS_PREFIX ?? "baton-chaos",
    replayArgs: [...given, "--seed", String(seed)],
  };
}
