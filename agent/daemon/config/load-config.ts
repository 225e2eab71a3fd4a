// Merges the daemon's configuration layers — defaults < baton.config.yaml < environment < flags —
// remembering where every value came from, then validates the result with the one schema. A bad
// value fails with one error that names each offending key and the layer it came from.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import YAML from "yaml";
import { DAEMON_DEFAULTS, ZDaemonConfigSchema, type DaemonConfig } from "./config-schema";
import { CONFIG_ENV, DEFAULT_CONFIG_FILE, FLEET_ENV, FLEET_FLAG, parseFleetEntry, SETTINGS } from "./config-settings";

export type ConfigSource = { layer: "default" } | { layer: "file"; file: string } | { layer: "env"; name: string } | { layer: "flag"; name: string };

export interface LoadedConfig {
  config: DaemonConfig;
  /** Dotted key of every leaf → the layer its value came from. */
  sources: Map<string, ConfigSource>;
  file: string | null;
  printConfig: boolean;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

type Tree = Record<string, unknown>;
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

export function describeSource(source: ConfigSource | undefined): string {
  if (!source || source.layer === "default") return "default";
  if (source.layer === "file") return `file ${source.file}`;
  return source.layer === "env" ? `env ${source.name}` : `flag --${source.name}`;
}

export function loadDaemonConfig(options: { argv: string[]; env: Record<string, string | undefined>; cwd: string }): LoadedConfig {
  const flags = readFlags(options.argv);
  const merged = structuredClone(DAEMON_DEFAULTS) as unknown as Tree;
  const sources = new Map<string, ConfigSource>();
  const set = (key: string, value: unknown, source: ConfigSource) => {
    const parts = key.split(".");
    let node = merged;
    for (const part of parts.slice(0, -1)) {
      if (!isTree(node[part])) node[part] = {};
      node = node[part] as Tree;
    }
    node[parts.at(-1)!] = value;
    sources.set(key, source);
  };
  for (const [key] of leaves(merged)) sources.set(key, { layer: "default" });

  const file = findConfigFile(flags.config, options.env[CONFIG_ENV], options.cwd);
  if (file) {
    const shown = path.relative(options.cwd, file) || file;
    const source: ConfigSource = { layer: "file", file: shown };
    const content = readYaml(file, shown);
    for (const [key, value] of leaves(content)) {
      const setting = SETTINGS.find((s) => s.key === key);
      set(key, setting?.kind === "path" && typeof value === "string" ? path.resolve(path.dirname(file), value) : value, source);
    }
  }

  for (const setting of SETTINGS) {
    const value = options.env[setting.env];
    if (value !== undefined && value !== "") set(setting.key, resolveValue(setting.kind, value, options.cwd), { layer: "env", name: setting.env });
  }
  applyFleet(options.env[FLEET_ENV]?.split(",").filter((s) => s.trim()) ?? [], { layer: "env", name: FLEET_ENV }, set);

  for (const setting of SETTINGS) {
    const value = flags.values[setting.flag];
    if (typeof value === "string") set(setting.key, resolveValue(setting.kind, value, options.cwd), { layer: "flag", name: setting.flag });
  }
  applyFleet(flags.fleet, { layer: "flag", name: FLEET_FLAG }, set);

  const parsed = ZDaemonConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.flatMap((issue) => {
      const at = issue.path.map(String);
      const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...at, k].join(".")) : [at.join(".")];
      return keys.map((key) => {
        const value = valueAt(merged, key);
        const shown = issue.code === "unrecognized_keys" ? "unknown setting" : `${JSON.stringify(value) ?? "missing"}: ${issue.message}`;
        return `  ${key} (${describeSource(sourceOf(sources, key))}) = ${shown}`;
      });
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return { config: parsed.data, sources, file, printConfig: flags.printConfig };
}

function readFlags(argv: string[]) {
  const options: Record<string, { type: "string" | "boolean"; multiple?: boolean }> = {
    config: { type: "string" },
    "print-config": { type: "boolean" },
    [FLEET_FLAG]: { type: "string", multiple: true },
  };
  for (const setting of SETTINGS) options[setting.flag] = { type: "string" };
  try {
    const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
    return {
      values: values as Record<string, unknown>,
      config: values.config as string | undefined,
      printConfig: values["print-config"] === true,
      fleet: (values[FLEET_FLAG] as string[] | undefined) ?? [],
    };
  } catch (error) {
    const known = ["--config FILE", "--print-config", `--${FLEET_FLAG} PROFILE=MIN-MAX`, ...SETTINGS.map((s) => `--${s.flag} VALUE`)];
    throw new ConfigError(`${error instanceof Error ? error.message : String(error)}\nFlags: ${known.join(", ")}`);
  }
}

function findConfigFile(flag: string | undefined, env: string | undefined, cwd: string): string | null {
  const named = flag ?? (env || undefined);
  if (named) {
    const file = path.resolve(cwd, named);
    if (!fs.existsSync(file)) throw new ConfigError(`Configuration file ${file} (from ${flag ? "flag --config" : `env ${CONFIG_ENV}`}) does not exist.`);
    return file;
  }
  const fallback = path.resolve(cwd, DEFAULT_CONFIG_FILE);
  return fs.existsSync(fallback) ? fallback : null;
}

function readYaml(file: string, shown: string): Tree {
  let content: unknown;
  try {
    content = YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`Configuration file ${shown} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (content === null || content === undefined) return {};
  if (!isTree(content)) throw new ConfigError(`Configuration file ${shown} must hold a mapping of settings (fleet:, host:, intervals:, paths:, api:).`);
  return content;
}

function applyFleet(entries: string[], source: ConfigSource, set: (key: string, value: unknown, source: ConfigSource) => void) {
  for (const entry of entries) {
    const parsed = parseFleetEntry(entry);
    if (!parsed) throw new ConfigError(`Invalid configuration:\n  fleet.profiles (${describeSource(source)}) = ${JSON.stringify(entry)}: expected PROFILE=MIN-MAX, e.g. analyst=1-3`);
    set(`fleet.profiles.${parsed.profile}.minAgents`, parsed.minAgents, source);
    set(`fleet.profiles.${parsed.profile}.maxAgents`, parsed.maxAgents, source);
  }
}

const resolveValue = (kind: "value" | "path", value: string, cwd: string) => (kind === "path" ? path.resolve(cwd, value) : value);

/** Every leaf of a nested object as [dotted key, value]. */
export function leaves(tree: Tree, prefix = ""): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]) => (isTree(value) && Object.keys(value).length > 0 ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as [string, unknown]]));
}

function valueAt(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (isTree(node) ? node[part] : undefined), tree);
}

/** The source of a leaf, or of the most specific layer that set anything under an object's key. */
function sourceOf(sources: Map<string, ConfigSource>, key: string): ConfigSource | undefined {
  if (sources.has(key)) return sources.get(key);
  const rank = { default: 0, file: 1, env: 2, flag: 3 } as const;
  return [...sources.entries()].filter(([k]) => k.startsWith(`${key}.`)).map(([, s]) => s).sort((a, b) => rank[b.layer] - rank[a.layer])[0];
}
