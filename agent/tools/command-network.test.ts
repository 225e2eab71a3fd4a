import { afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import { whenLoopbackSet } from "./command-network";

describe("whenLoopbackSet", () => {
  let holder: ChildProcess | undefined;
  let namespace: number | undefined;
  afterEach(() => {
    holder?.kill("SIGKILL");
    if (namespace !== undefined) fs.closeSync(namespace);
    namespace = undefined;
  });

  /** A process in a network namespace of its own, as bubblewrap's sandbox before it sets its loopback. */
  async function namespaceHolder(): Promise<number> {
    holder = spawn("unshare", ["--net", "sh", "-c", "echo in; exec sleep 30"], { stdio: ["ignore", "pipe", "inherit"] });
    await once(holder.stdout!, "data");
    namespace = fs.openSync(`/proc/${holder.pid}/ns/net`, "r");
    return holder.pid!;
  }

  const watch = (pid: number, cancelled = () => false) => {
    const seen = { ready: false, error: undefined as string | undefined };
    whenLoopbackSet(pid, namespace!, cancelled, () => (seen.ready = true), (why) => (seen.error = why));
    return seen;
  };

  it("waits for the loopback address bubblewrap adds, and not for the link to be up", async () => {
    const pid = await namespaceHolder();
    const seen = watch(pid);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual({ ready: false, error: undefined });
    // What bubblewrap does first: the address, with the link still down.
    const added = spawnSync("nsenter", [`--net=/proc/${pid}/ns/net`, "ip", "addr", "add", "127.0.0.1/8", "dev", "lo"], { encoding: "utf8" });
    expect(added.stderr).toBe("");
    await expect.poll(() => seen.ready, { timeout: 2_000 }).toBe(true);
    expect(spawnSync("nsenter", [`--net=/proc/${pid}/ns/net`, "ip", "-o", "link", "show", "lo"], { encoding: "utf8" }).stdout).toContain("state DOWN");
  });

  it("does not take another process's namespace for the sandbox's", async () => {
    const pid = await namespaceHolder();
    // The descriptor held is this process's own namespace, which the pid's is not: as if the
    // sandbox had ended and its pid were reused.
    fs.closeSync(namespace!);
    namespace = fs.openSync("/proc/self/ns/net", "r");
    const seen = watch(pid);
    expect(seen).toEqual({ ready: false, error: "the sandbox ended before its loopback was set (its pid has another network namespace)" });
  });

  it("stops looking once cancelled, and says why when the sandbox is gone", async () => {
    const pid = await namespaceHolder();
    let cancelled = false;
    const stopped = watch(pid, () => cancelled);
    cancelled = true;
    spawnSync("nsenter", [`--net=/proc/${pid}/ns/net`, "ip", "addr", "add", "127.0.0.1/8", "dev", "lo"]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toEqual({ ready: false, error: undefined });

    holder!.kill("SIGKILL");
    await once(holder!, "exit");
    const late = watch(pid);
    expect(late.ready).toBe(false);
    expect(late.error).toMatch(/^the sandbox ended before its loopback was set \(ENOENT.*\/proc\/\d+\/ns\/net/);
  });
});
