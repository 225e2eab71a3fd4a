// `--print-config`: the merged configuration, one setting a line, with the layer it came from.
import { describeSource, type LoadedConfig } from "./load-config";
import { SETTINGS } from "./config-settings";

const DURATION_KEYS = new Set(SETTINGS.filter((s) => s.key.startsWith("intervals.")).map((s) => s.key));

export function formatConfig(loaded: LoadedConfig): string {
  const { config, sources } = loaded;
  const rows: [string, string, string][] = [];
  const profiles = Object.keys(config.fleet.profiles).sort().flatMap((name) => [`fleet.profiles.${name}.minAgents`, `fleet.profiles.${name}.maxAgents`]);
  const keys = [...SETTINGS.map((s) => s.key), ...profiles].sort((a, b) => order(a) - order(b));
  for (const key of keys) {
    const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], config);
    rows.push([key, show(key, value), describeSource(sources.get(key))]);
  }
  const width = (i: 0 | 1) => Math.max(...rows.map((row) => row[i].length));
  return [
    `# Baton daemon configuration (file: ${loaded.file ?? "none"})`,
    `# precedence: default < file < env < flag`,
    ...rows.map(([key, value, source]) => `${key.padEnd(width(0))}  ${value.padEnd(width(1))}  ${source}`),
  ].join("\n");
}

function show(key: string, value: unknown): string {
  if (value === undefined) return "(unset)";
  if (key === "api.token") return `(set, ${String(value).length} characters)`;
  if (DURATION_KEYS.has(key)) return `${String(value)} ms`;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Group rows in the schema's order (fleet, host, intervals, paths, api), profiles after fleet. */
function order(key: string): number {
  const index = SETTINGS.findIndex((s) => s.key === key);
  return index >= 0 ? index : 0.5;
}
