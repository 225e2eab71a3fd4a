// How run_command isolates a command: bubblewrap builds it a root of its own from the system's
// programs and libraries (read-only), /etc without what only root may read, its workspace
// (writable), a private /tmp, a fresh /dev and /proc. Nothing else of the host is there: not the
// project, not other tasks' workspaces, not /root, /home or the sockets under /run. It runs with
// no capabilities (an agent running as root must not lend the command root's powers, such as
// remounting the system writable), in its own pid namespace (so killing it kills everything it
// started), with no network unless the profile allows it, and it dies with its agent, even on
// SIGKILL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type CommandSandbox = { kind: "bwrap"; network: boolean } | { kind: "none" };

/** The system's programs and libraries; on a merged-/usr system the top-level ones are links into /usr. */
const SYSTEM_DIRS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt"];

let available: boolean | undefined;
let systemMounts: string[] | undefined;

/** Whether bubblewrap is installed and can build the sandbox here (checked once, with the real mounts). */
export function bubblewrapAvailable(): boolean {
  available ??= spawnSync("bwrap", [...systemArgs(), "--proc", "/proc", "--unshare-pid", "--die-with-parent", "--cap-drop", "ALL", "true"], { stdio: "ignore" }).status === 0;
  return available;
}

/** The program and arguments that run `command` in `workspace` under the sandbox. */
export function sandboxedCommand(workspace: string, command: string, sandbox: CommandSandbox): [string, string[]] {
  if (sandbox.kind === "none") return ["bash", ["-c", command]];
  return [
    "bwrap",
    [
      ...systemArgs(),
      "--dev", "/dev",
      "--proc", "/proc",
      "--tmpfs", "/tmp",
      "--tmpfs", "/var/tmp",
      "--bind", workspace, workspace,
      "--unshare-pid",
      "--unshare-ipc",
      ...(sandbox.network ? [] : ["--unshare-net"]),
      "--cap-drop", "ALL",
      "--die-with-parent",
      "--chdir", workspace,
      "bash", "-c", command,
    ],
  ];
}

/** The read-only part of the sandbox's root, worked out once: the system's directories and a filtered /etc. */
function systemArgs(): string[] {
  systemMounts ??= [...SYSTEM_DIRS.flatMap(systemDir), "--ro-bind", "/etc", "/etc", ...hiddenInEtc(), ...resolverFile()];
  return systemMounts;
}

/** /etc/resolv.conf may link to a file under /run (systemd-resolved); that one file comes along, for commands allowed the network. */
function resolverFile(): string[] {
  try {
    const real = fs.realpathSync("/etc/resolv.conf");
    return real.startsWith("/etc/") ? [] : ["--ro-bind", real, real];
  } catch {
    return [];
  }
}

function systemDir(dir: string): string[] {
  try {
    const stat = fs.lstatSync(dir);
    if (stat.isSymbolicLink()) return ["--symlink", fs.readlinkSync(dir), dir];
    return stat.isDirectory() ? ["--ro-bind", dir, dir] : [];
  } catch {
    return [];
  }
}

/**
 * What under /etc any user but root is denied (shadow passwords, private keys, service configs
 * with credentials): covered with an empty directory or file, so the command sees /etc as an
 * unprivileged user would, although it runs as root.
 */
export function hiddenInEtc(root = "/etc"): string[] {
  const args: string[] = [];
  const visit = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      let mode: number;
      try {
        mode = fs.statSync(full).mode;
      } catch {
        continue;
      }
      const othersMayRead = (mode & 0o004) !== 0;
      if (entry.isDirectory()) {
        // A directory others may not list or enter is covered whole.
        if (!othersMayRead || (mode & 0o001) === 0) args.push("--tmpfs", full);
        else visit(full);
      } else if (!othersMayRead) {
        args.push("--ro-bind", "/dev/null", full);
      }
    }
  };
  visit(root);
  return args;
}
