// A sandboxed command's own network (see sandbox.ts): bubblewrap has made the command's network
// namespace and waits; slirp4netns gives it a tap device behind user-mode NAT, with the host's
// loopback out of reach, and says when it is up; the host's other addresses and private networks
// are fenced off (network-fence.ts); then bubblewrap is let go. slirp4netns runs in a
// sandbox and under seccomp of its own (it parses every packet the command sends), and ends when
// told to, or when this process dies and its end of the exit pipe closes with it.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import type { Readable, Writable } from "node:stream";
import { hostAddresses, raiseFence } from "./network-fence";
import { BLOCK_FD, fenceAvailable, INFO_FD, RESOLV_CONF, RESOLV_CONF_FD } from "./sandbox";

/** Where slirp4netns finds the sandbox's network namespace among its descriptors. */
const SLIRP_NAMESPACE_FD = 5;
/** How long the network may take to come up before the command is given up. */
const SETUP_TIMEOUT_MS = 10_000;
/** How often to look whether bubblewrap has added the sandbox's loopback address (it usually has at the first look). */
const LOOPBACK_POLL_MS = 2;

export interface CommandNetwork {
  /** Ends slirp4netns; call once the command has exited. */
  close(): void;
}

/**
 * Joins the sandbox of `sandbox` (spawned with pipes at INFO_FD, BLOCK_FD and RESOLV_CONF_FD) to
 * the outside, fenced except for the `reachable` ranges, then lets its command start. `fail` gets
 * a readable reason if that cannot be done, or if the network goes down under the command; the
 * caller then ends the sandbox.
 */
export function joinCommandNetwork(sandbox: ChildProcess, reachable: readonly string[], fail: (reason: string) => void): CommandNetwork {
  // Node types `stdio` as five entries; the sandbox was spawned with six.
  const pipes = sandbox.stdio as unknown as readonly (Readable | Writable)[];
  const info = pipes[INFO_FD] as Readable;
  const release = pipes[BLOCK_FD] as Writable;
  const resolvConf = pipes[RESOLV_CONF_FD] as Writable;
  resolvConf.on("error", () => {});
  resolvConf.end(RESOLV_CONF);
  let slirp: ChildProcess | undefined;
  let up = false;
  let closed = false;
  let namespace: number | undefined;
  const closeNamespace = () => {
    if (namespace !== undefined) fs.closeSync(namespace);
    namespace = undefined;
  };
  const fencing = new AbortController();
  const fenced = fenceAvailable();
  // The host's addresses are read while slirp4netns starts.
  const host = fenced ? hostAddresses(fencing.signal) : Promise.resolve([]);
  host.catch(() => {});
  const timer = setTimeout(() => giveUp(`it was not up after ${SETUP_TIMEOUT_MS / 1000} s`), SETUP_TIMEOUT_MS);
  const giveUp = (why: string) => {
    if (closed) return;
    close();
    fail(up ? `The command was stopped: its network went down (${why}).` : `The command did not run: its network could not be set up (${why}).`);
  };
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    fencing.abort();
    closeNamespace();
    info.destroy();
    release.destroy();
    if (slirp) {
      (slirp.stdio[4] as Writable).destroy();
      slirp.kill("SIGKILL");
    }
  };

  let text = "";
  info.setEncoding("utf8");
  info.on("data", (chunk: string) => {
    if (namespace !== undefined || slirp || closed) return;
    text += chunk;
    const pid = sandboxPid(text);
    if (pid === null) return;
    // The namespace is held open from here on and handed to slirp4netns and nsenter as a descriptor,
    // so neither can reach another process's namespace should the pid ever be reused.
    try {
      namespace = fs.openSync(`/proc/${pid}/ns/net`, "r");
    } catch (error) {
      giveUp(`its namespace could not be opened: ${(error as Error).message}`);
      return;
    }
    whenLoopbackSet(pid, namespace, () => closed, startSlirp, giveUp);
  });
  const startSlirp = () => {
    const options = ["--configure", "--mtu=65520", "--disable-host-loopback", "--enable-sandbox", "--enable-seccomp", "--ready-fd=3", "--exit-fd=4"];
    slirp = spawn("slirp4netns", [...options, "--netns-type=path", `/proc/self/fd/${SLIRP_NAMESPACE_FD}`, "tap0"], {
      stdio: ["ignore", "ignore", "pipe", "pipe", "pipe", namespace],
    });
    let stderr = "";
    slirp.stderr!.setEncoding("utf8").on("data", (line: string) => (stderr = (stderr + line).slice(-500)));
    (slirp.stdio[3] as Readable).once("data", () => {
      if (closed) return;
      (fenced ? raiseFence(namespace!, host, reachable, fencing.signal) : Promise.resolve()).then(
        () => {
          if (closed) return;
          clearTimeout(timer);
          up = true;
          closeNamespace();
          release.end("1");
        },
        (error: Error) => giveUp(`its private addresses could not be fenced off: ${error.message}`),
      );
    });
    slirp.on("error", (error) => giveUp(`slirp4netns: ${error.message}`));
    slirp.on("exit", (code) => giveUp(`slirp4netns exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split("\n").at(-1)}` : ""}`));
  };
  info.on("error", () => {});
  release.on("error", () => {});
  return { close };
}

/**
 * Calls `ready` once bubblewrap has given sandbox `pid`'s network namespace (open at descriptor
 * `namespace`) its loopback address, which it does only after writing its info. slirp4netns must
 * come after: it brings `lo` up, the kernel then adds 127.0.0.1 itself, and bubblewrap's own
 * (exclusive) add of it fails and ends the sandbox before its command. The namespace's routes show
 * the address as soon as it is there, with the link still down. They are read through the pid, so
 * each look first checks that the pid still has that namespace; `fail` gets why not.
 */
export function whenLoopbackSet(pid: number, namespace: number, cancelled: () => boolean, ready: () => void, fail: (why: string) => void) {
  const expected = fs.fstatSync(namespace).ino;
  const check = () => {
    if (cancelled()) return;
    let routes: string;
    try {
      if (fs.statSync(`/proc/${pid}/ns/net`).ino !== expected) throw new Error("its pid has another network namespace");
      routes = fs.readFileSync(`/proc/${pid}/net/fib_trie`, "utf8");
    } catch (error) {
      fail(`the sandbox ended before its loopback was set (${(error as Error).message})`);
      return;
    }
    if (/-- 127\.0\.0\.1\n\s*\/32 host LOCAL/.test(routes)) ready();
    else setTimeout(check, LOOPBACK_POLL_MS);
  };
  check();
}

/** The sandbox's pid from bubblewrap's info, once the whole JSON object has arrived. */
function sandboxPid(text: string): number | null {
  try {
    const pid = (JSON.parse(text) as { "child-pid"?: unknown })["child-pid"];
    return typeof pid === "number" ? pid : null;
  } catch {
    return null;
  }
}
