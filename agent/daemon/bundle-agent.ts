// The agent process's code as one JavaScript module, built with esbuild when the daemon starts. A
// fork then loads plain JavaScript instead of compiling TypeScript through tsx, which was most of
// an agent's start-up (and so of the re-run of a crashed agent's subtask). The packages on every
// subtask's path are bundled too: Node's loader otherwise resolves, reads and scans about 700 of
// their files one by one, which made one fork's start about a fifth longer, and four at once on
// two cores nearly half longer. Any other package stays external, loaded from node_modules. When
// the bundle cannot be built or written, agents load through tsx as they would without it.
import { build, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface AgentEntry {
  /** The module to fork. */
  file: string;
  execArgv: string[];
}

const BUNDLE_NAME = /^agent-[0-9a-f]+\.mjs$/;
/**
 * Packages bundled with the agent's code, with what they import. Left out: the Prisma client's
 * runtime (it loads its query compiler as WebAssembly from beside itself) and whatever else.
 */
const BUNDLED_PACKAGES = ["@anthropic-ai/sdk", "@prisma/adapter-pg", "@socket.io/redis-emitter", "bullmq", "ioredis", "pg", "zod"];
const TSX_ENTRY = (entry: string): AgentEntry => ({ file: entry, execArgv: ["--import", "tsx"] });
// Stack traces point into the TypeScript sources.
const BUNDLE_ENTRY = (file: string): AgentEntry => ({ file, execArgv: ["--enable-source-maps"] });

/** Beside the bundles: the bundle the entry's sources last made, and those sources' sizes and times. */
const MANIFEST = "agent-bundle.json";
interface Manifest {
  entry: string;
  file: string;
  inputs: Record<string, string>;
}
/** Files that shape the bundle without being in it: this module, the compiler's settings, the installed packages. */
const PROJECT = path.resolve(import.meta.dirname, "..", "..");
const BUILD_INPUTS = [import.meta.filename, path.join(PROJECT, "tsconfig.json"), path.join(PROJECT, "package-lock.json")];

export async function bundleAgent(entry: string, outDir: string): Promise<AgentEntry> {
  // A daemon that restarts with its sources unchanged (a crash, a kill -9) takes the bundle it
  // made before: building it again took longer than starting its agents.
  const reusable = await reusableBundle(entry, outDir);
  if (reusable) return BUNDLE_ENTRY(reusable);
  try {
    const started = Date.now();
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // Bundled CommonJS packages require Node's built-in modules.
      banner: { js: 'import { createRequire as __agentRequire } from "node:module"; const require = __agentRequire(import.meta.url);' },
      // Stack traces point into the TypeScript sources; the sources themselves are on disk, and
      // carrying the packages' in the map would make each fork parse several megabytes more.
      sourcemap: "inline",
      sourcesContent: false,
      // The map names the sources relative to where the bundle is written.
      outdir: outDir,
      write: false,
      metafile: true,
      logLevel: "silent",
      plugins: [keepModuleLocation, bundleOnly(BUNDLED_PACKAGES)],
    });
    const code = result.outputFiles[0]!.contents;
    const file = path.join(outDir, `agent-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
    // Daemons sharing a checkout may build at once: the same code gets the same name, and a rename
    // puts the whole file there at once.
    await fs.mkdir(outDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, code);
    await fs.rename(temp, file);
    await pruneOldBundles(outDir, file);
    // Without a record the next start builds again, as it did before there was one.
    const inputs = [...Object.keys(result.metafile.inputs).map((input) => path.resolve(input)), ...BUILD_INPUTS];
    await recordManifest(outDir, { entry, file }, inputs, started).catch(() => {});
    return BUNDLE_ENTRY(file);
  } catch (error) {
    console.error(`daemon: agents load through tsx; their bundle was not built: ${(error as Error).message}`);
    return TSX_ENTRY(entry);
  }
}

const statOf = (file: string) => fs.stat(file).catch(() => null);
const fingerprint = (stat: Stats | null) => (stat ? `${stat.size}:${stat.mtimeMs}` : "missing");

/** The bundle last built from `entry`, if none of the files it was built from changed since. */
async function reusableBundle(entry: string, outDir: string): Promise<string | null> {
  try {
    const manifest = JSON.parse(await fs.readFile(path.join(outDir, MANIFEST), "utf8")) as Manifest;
    if (manifest.entry !== entry) return null;
    const inputs = Object.entries(manifest.inputs);
    const now = await Promise.all(inputs.map(async ([input]) => fingerprint(await statOf(input))));
    if (inputs.some(([, before], i) => now[i] !== before)) return null;
    // In use again: pruning spares it for another day (and a bundle that is gone is built again).
    const time = new Date();
    await fs.utimes(manifest.file, time, time);
    return manifest.file;
  } catch {
    return null;
  }
}

/** Records what `bundle.file` was built from; not when a source changed while it was being built. */
async function recordManifest(outDir: string, bundle: Omit<Manifest, "inputs">, inputs: string[], builtFrom: number): Promise<void> {
  const stats = await Promise.all(inputs.map(statOf));
  if (stats.some((stat) => stat && stat.mtimeMs >= builtFrom)) return;
  const manifest: Manifest = { ...bundle, inputs: Object.fromEntries(inputs.map((input, i) => [input, fingerprint(stats[i] ?? null)])) };
  const temp = path.join(outDir, `${MANIFEST}.${process.pid}.tmp`);
  await fs.writeFile(temp, JSON.stringify(manifest));
  await fs.rename(temp, path.join(outDir, MANIFEST));
}

/** Whether a process's command line (as in /proc/<pid>/cmdline) is an agent's, bundled or through tsx. */
export function isAgentCommandLine(cmdline: string): boolean {
  return cmdline.split("\0").some((arg) => arg.endsWith("worker/main.ts") || BUNDLE_NAME.test(path.basename(arg)));
}

/** Bundles of earlier code, left by restarts after changes; a day's grace for a daemon still running one. */
async function pruneOldBundles(outDir: string, current: string): Promise<void> {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of await fs.readdir(outDir)) {
    const file = path.join(outDir, name);
    if (file === current || !BUNDLE_NAME.test(name)) continue;
    const stat = await fs.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < dayAgo) await fs.rm(file, { force: true });
  }
}

/** Each bundled module keeps its own `import.meta.dirname` and `import.meta.url`, as if it had not moved. */
const keepModuleLocation: Plugin = {
  name: "keep-module-location",
  setup(plugin) {
    plugin.onLoad({ filter: /\.[cm]?ts$/ }, async (args) => {
      const source = await fs.readFile(args.path, "utf8");
      if (!source.includes("import.meta")) return undefined;
      const contents = source
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: "ts" };
    });
  },
};

/** Keeps bare imports external, but those of `packages` and whatever a bundled package imports. */
function bundleOnly(packages: string[]): Plugin {
  const bundled = new Set(packages);
  const packageName = (specifier: string) => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  return {
    name: "bundle-only",
    setup(plugin) {
      plugin.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:")) return { external: true };
        // A file from node_modules is only in the bundle because its package is.
        const fromPackage = args.importer.split(path.sep).includes("node_modules");
        return bundled.has(packageName(args.path)) || fromPackage ? undefined : { external: true };
      });
    },
  };
}
