import { afterEach, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { whenLoopbackSet } from "./command-network";

describe("whenLoopbackSet", () => {
  let holder: ChildProcess | undefined;
  afterEach(() => {
    holder?.kill("SIGKILL");
  });

  /** A process in a network namespace of its own, as bubblewrap's sandbox before it sets its loopback. */
  async function namespaceHolder(): Promise<number> {
    holder = spawn("unshare", ["--net", "sh", "-c", "echo in; exec sleep 30"], { stdio: ["ignore", "pipe", "inherit"] });
    await once(holder.stdout!, "data");
    return holder.pid!;
  }

  const watch = (pid: number, cancelled = () => false) => {
    const seen = { ready: false, error: undefined as Error | undefined };
    whenLoopbackSet(pid, cancelled, () => (seen.ready = true), (error) => (seen.error = error));
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
    expect(late.error?.message).toContain(`/proc/${pid}/net/fib_trie`);
  });
});
