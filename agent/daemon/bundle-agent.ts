// The agent process's code as one JavaScript module, built with esbuild when the daemon starts. A
// fork then loads plain JavaScript instead of compiling TypeScript through tsx, which was most of
// an agent's start-up (and so of the re-run of a crashed agent's subtask). Packages stay external,
// loaded from node_modules as before. When the bundle cannot be built or written, agents load
// through tsx as they would without it.
import { build, type Plugin } from "esbuild";
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

export interface AgentEntry {
  /** The module to fork. */
  file: string;
  execArgv: string[];
}

const BUNDLE_NAME = /^agent-[0-9a-f]+\.mjs$/;
const TSX_ENTRY = (entry: string): AgentEntry => ({ file: entry, execArgv: ["--import", "tsx"] });

export async function bundleAgent(entry: string, outDir: string): Promise<AgentEntry> {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "inline",
      write: false,
      logLevel: "silent",
      plugins: [keepModuleLocation],
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
    // Stack traces point into the TypeScript sources.
    return { file, execArgv: ["--enable-source-maps"] };
  } catch (error) {
    console.error(`daemon: agents load through tsx; their bundle was not built: ${(error as Error).message}`);
    return TSX_ENTRY(entry);
  }
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
