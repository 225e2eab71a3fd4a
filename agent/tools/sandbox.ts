// How run_command isolates a command: bubblewrap gives it a read-only system, a writable
// workspace, a private /tmp, its own pid namespace (so killing it kills everything it started)
// and no network unless the profile allows it; it dies with its agent, even on SIGKILL.
import { spawnSync } from "node:child_process";

export type CommandSandbox = { kind: "bwrap"; network: boolean } | { kind: "none" };

let available: boolean | undefined;

/** Whether bubblewrap is installed and can create namespaces here (checked once). */
export function bubblewrapAvailable(): boolean {
  available ??= spawnSync("bwrap", ["--ro-bind", "/", "/", "--unshare-pid", "--die-with-parent", "true"], { stdio: "ignore" }).status === 0;
  return available;
}

/** The program and arguments that run `command` in `workspace` under the sandbox. */
export function sandboxedCommand(workspace: string, command: string, sandbox: CommandSandbox): [string, string[]] {
  if (sandbox.kind === "none") return ["bash", ["-c", command]];
  return [
    "bwrap",
    [
      "--ro-bind", "/", "/",
      "--dev", "/dev",
      "--proc", "/proc",
      "--tmpfs", "/tmp",
      "--bind", workspace, workspace,
      "--unshare-pid",
      "--unshare-ipc",
      ...(sandbox.network ? [] : ["--unshare-net"]),
      "--die-with-parent",
      "--chdir", workspace,
      "bash", "-c", command,
    ],
  ];
}
