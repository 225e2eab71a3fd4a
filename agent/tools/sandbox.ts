// How run_command isolates a command: bubblewrap builds it a root of its own from the system's
// programs and libraries (read-only, without what only root may read under /etc, /opt and
// /usr/local/etc), its workspace (writable), a private /tmp, a fresh /dev and /proc (kernel
// settings read-only). Nothing else of the host is there: not the project, not other tasks'
// workspaces, not /root, /home or the sockets under /run. It runs with no capabilities (an agent
// running as root must not lend the command root's powers, such as remounting the system
// writable), in its own pid, IPC and host-name namespaces (so killing it kills everything it
// started), and it dies with its agent, even on SIGKILL. It has no network unless the profile
// allows it; then it gets a network namespace of its own, joined to the outside by slirp4netns
// (user-mode NAT, see command-network.ts) with the host's loopback out of reach, so the services
// that listen there (PostgreSQL, Redis) do not answer it, and with the host's other addresses and
// private networks fenced off (network-fence.ts). Without slirp4netns it shares the host's
// network, loopback included. It still runs as root (uid 0) when the agent does.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { TOOLS_PATH } from "./network-fence";

/** `reachable`: the fenced ranges a command allowed the network may reach all the same (network-fence.ts). */
export type CommandSandbox = { kind: "bwrap"; network: boolean; reachable?: readonly string[] } | { kind: "none" };

/** A command line, and whether slirp4netns must join its network namespace to the outside before it runs. */
export interface SandboxedCommand {
  program: string;
  args: string[];
  /**
   * bubblewrap reads the sandbox's resolv.conf from fd 5 (RESOLV_CONF), writes its JSON info (the
   * sandbox's `child-pid`) to fd 3 and waits to read a byte from fd 4 before it runs the command,
   * so the network is up before the command's first packet.
   */
  ownNetwork: boolean;
}

/** The file descriptors bubblewrap is given for an own network: see SandboxedCommand. */
export const INFO_FD = 3;
export const BLOCK_FD = 4;
export const RESOLV_CONF_FD = 5;
/**
 * Names go to slirp4netns's built-in DNS forwarder (10.0.2.3 from inside the namespace): the
 * host's own resolver may listen on its loopback (systemd-resolved, Docker's).
 */
export const RESOLV_CONF = "nameserver 10.0.2.3\n";

/** The system's programs and libraries; on a merged-/usr system the top-level ones are links into /usr. */
const SYSTEM_DIRS = ["/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt"];
/** Directories that may hold root-only files beside programs (site configs, installed services). */
const WALKED_DIRS = ["/etc", "/opt", "/usr/local/etc"];
/** How many entries a walk looks at before it covers the whole directory instead (fail closed). */
const WALK_BUDGET = 20_000;

let available: boolean | undefined;

/** Whether bubblewrap is installed and can build this very sandbox here (checked once); why not goes to the log. */
export function bubblewrapAvailable(): boolean {
  if (available === undefined) {
    const { program, args } = sandboxedCommand(os.tmpdir(), "true", { kind: "bwrap", network: false });
    const probe = spawnSync(program, args, { encoding: "utf8" });
    available = probe.status === 0;
    if (!available) console.error(`run_command: bubblewrap cannot build the sandbox here: ${probe.error?.message ?? probe.stderr.trim()}`);
  }
  return available;
}

let slirp: boolean | undefined;
let fence: boolean | undefined;
const runs = (program: string, arg: string) => spawnSync(program, [arg], { stdio: "ignore", env: { ...process.env, PATH: TOOLS_PATH } }).status === 0;

/**
 * Whether slirp4netns is installed and has the TUN device it needs (checked once); without them a
 * command allowed the network shares the host's, which the log says.
 */
export function slirpAvailable(): boolean {
  if (slirp === undefined) {
    const missing = !runs("slirp4netns", "--version") ? "slirp4netns is not installed" : !fs.existsSync("/dev/net/tun") ? "there is no /dev/net/tun for slirp4netns" : null;
    slirp = missing === null;
    if (missing) console.error(`run_command: ${missing}: commands allowed the network share the host's, its loopback services included`);
  }
  return slirp;
}

/**
 * Whether nsenter (util-linux) and ip (iproute2) are there to fence a command's own network
 * (network-fence.ts; checked once); without them it reaches private networks and the host's other
 * addresses, which the log says.
 */
export function fenceAvailable(): boolean {
  if (fence === undefined) {
    fence = runs("nsenter", "--version") && runs("ip", "-V");
    if (!fence) console.error("run_command: nsenter (util-linux) or ip (iproute2) is not installed: commands allowed the network reach private networks and this host's other addresses");
  }
  return fence;
}

/** How `command` runs in `workspace` under the sandbox. */
export function sandboxedCommand(workspace: string, command: string, sandbox: CommandSandbox): SandboxedCommand {
  if (sandbox.kind === "none") return { program: "bash", args: ["-c", command], ownNetwork: false };
  const ownNetwork = sandbox.network && slirpAvailable();
  const resolvConf = realPath("/etc/resolv.conf");
  const args = [
    ...systemArgs(resolvConf),
    ...coveredParents(workspace),
    "--dev", "/dev",
    "--proc", "/proc",
    // bubblewrap covers /proc's SysRq trigger, but a fresh /proc still lets root write kernel
    // settings (core_pattern, modprobe: ways to run a program as root on the host), capabilities or not.
    "--ro-bind", "/proc/sys", "/proc/sys",
    "--tmpfs", "/tmp",
    "--tmpfs", "/var/tmp",
    "--bind", workspace, workspace,
    "--unshare-pid",
    "--unshare-ipc",
    "--unshare-uts",
    ...(sandbox.network && !ownNetwork ? [] : ["--unshare-net"]),
    // The sandbox's resolv.conf, read from a pipe, where the host's is (or its link points).
    ...(ownNetwork && resolvConf ? ["--ro-bind-data", String(RESOLV_CONF_FD), resolvConf] : []),
    ...(ownNetwork ? ["--info-fd", String(INFO_FD), "--block-fd", String(BLOCK_FD)] : []),
    "--cap-drop", "ALL",
    "--die-with-parent",
    "--chdir", workspace,
    "bash", "-c", command,
  ];
  return { program: "bwrap", args, ownNetwork };
}

const realPath = (file: string) => {
  try {
    return fs.realpathSync(file);
  } catch {
    return null;
  }
};

/**
 * The read-only part of the sandbox's root: the system's directories, with what others may not
 * read under /etc, /opt and /usr/local/etc covered. Worked out for every command (a few ms), so
 * a file added or removed meanwhile is seen as it is now.
 */
function systemArgs(resolvConf: string | null): string[] {
  // /etc/resolv.conf may link to a file under /run (systemd-resolved): that one file comes along.
  const resolver = resolvConf && !resolvConf.startsWith("/etc/") ? ["--ro-bind", resolvConf, resolvConf] : [];
  return [...SYSTEM_DIRS.flatMap(systemDir), "--ro-bind", "/etc", "/etc", ...WALKED_DIRS.flatMap((dir) => hiddenIn(dir)), ...resolver];
}

/**
 * The agent's own folder (the project, with its generated secrets) and the folder holding every
 * task's workspace, when a system directory mounted above holds them (a deployment under /opt):
 * covered, before this task's workspace is mounted back.
 */
function coveredParents(workspace: string): string[] {
  const inMounted = (dir: string) => SYSTEM_DIRS.some((root) => dir === root || dir.startsWith(`${root}/`));
  return [...new Set([process.cwd(), path.dirname(workspace)])].filter(inMounted).flatMap((dir) => ["--tmpfs", dir]);
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
 * What under `root` any user but root is denied (shadow passwords, private keys, service configs
 * with credentials): covered with an empty directory, or /dev/null for a file, so the command
 * sees these directories as an unprivileged user would, although it runs as root. A tree too
 * large to walk is covered whole.
 */
export function hiddenIn(root: string, budget = WALK_BUDGET): string[] {
  const args: string[] = [];
  let seen = 0;
  const visit = (dir: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    for (const entry of entries) {
      if (++seen > budget) return false;
      if (entry.isSymbolicLink()) continue;
      const full = path.join(dir, entry.name);
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
        else if (!visit(full)) return false;
      } else if (!othersMayRead) {
        args.push("--ro-bind", "/dev/null", full);
      }
    }
    return true;
  };
  // A directory that is a link is mounted as one (see systemDir); its target is not walked.
  if (!fs.lstatSync(root, { throwIfNoEntry: false })?.isDirectory()) return [];
  return visit(root) ? args : ["--tmpfs", root];
}
