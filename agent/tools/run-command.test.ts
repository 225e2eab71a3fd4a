import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CappedOutput, OUTPUT_CAP_BYTES, runCommand } from "./run-command";
import { bubblewrapAvailable, fenceAvailable, hiddenIn, slirpAvailable, type CommandSandbox } from "./sandbox";
import { processAlive } from "../daemon/process-tree";

const workspace = () => fs.mkdtemp(path.join(os.tmpdir(), "baton-cmd-"));
const run = async (command: string, sandbox: CommandSandbox, root?: string) =>
  runCommand(root ?? (await workspace()), command, { timeoutSeconds: 5, signal: new AbortController().signal, sandbox });

describe.each<CommandSandbox>([{ kind: "none" }, { kind: "bwrap", network: false }])("runCommand (sandbox: $kind)", (sandbox) => {
  it("runs in the workspace without the agent's secrets", async () => {
    process.env.SECRET_FOR_TEST = "leak";
    const root = await workspace();
    const result = await run('pwd; echo "[$SECRET_FOR_TEST]"; exit 3', sandbox, root);
    expect(result.exitCode).toBe(3);
    expect(result.output).toContain(await fs.realpath(root));
    expect(result.output).toContain("[]");
  });

  it("shows no secret of the agent in env or /proc/self/environ", async () => {
    const secrets = { ANTHROPIC_API_KEY: "sk-ant-test-secret", DATABASE_URL: "postgresql://u:pw@db/x", REDIS_URL: "redis://:pw@cache:6379", BATON_SECRET: "s".repeat(40) };
    Object.assign(process.env, secrets);
    try {
      // Without the sandbox the command shares the agent's pid namespace and user, so it could read
      // the agent's start-up environment at /proc/<agent pid>/environ; that is why running
      // unsandboxed needs BATON_ALLOW_UNSANDBOXED_COMMANDS. Inside bubblewrap the parent is its init.
      const parentEnv = sandbox.kind === "bwrap" ? "; tr '\\0' '\\n' < /proc/$PPID/environ 2>/dev/null" : "";
      const result = await run(`env; tr '\\0' '\\n' < /proc/self/environ${parentEnv}`, sandbox);
      for (const [name, value] of Object.entries(secrets)) {
        expect(result.output).not.toContain(name);
        expect(result.output).not.toContain(value);
      }
      expect(result.output).toContain("PATH=");
    } finally {
      for (const name of Object.keys(secrets)) delete process.env[name];
    }
  });

  it("caps runaway output, keeping its head and tail", async () => {
    const result = await run("echo FIRST; yes runaway | head -c 5000000; echo; echo LAST", sandbox);
    expect(result.output.length).toBeLessThan(OUTPUT_CAP_BYTES + 100);
    expect(result.output.startsWith("FIRST")).toBe(true);
    expect(result.output.trimEnd().endsWith("LAST")).toBe(true);
    expect(result.output).toMatch(/bytes of output omitted/);
  });

  it("kills the whole process tree on timeout", async () => {
    const result = await runCommand(await workspace(), "sleep 20 & sleep 20; echo never", { timeoutSeconds: 1, signal: new AbortController().signal, sandbox });
    expect(result.timedOut).toBe(true);
    expect(result.output).not.toContain("never");
  });

  it("kills the command when aborted", async () => {
    const controller = new AbortController();
    const running = runCommand(await workspace(), "sleep 20", { timeoutSeconds: 30, signal: controller.signal, sandbox });
    setTimeout(() => controller.abort(), 200);
    expect((await running).signal).toBe("SIGKILL");
  });
});

describe("runCommand without the sandbox", () => {
  it("ends when the command does, although a process it left behind in a session of its own holds the output open", async () => {
    const started = Date.now();
    const result = await run("setsid sleep 30 & echo $!", { kind: "none" });
    const escaped = Number(result.output.trim());
    try {
      expect(result).toMatchObject({ exitCode: 0, timedOut: false });
      expect(Date.now() - started).toBeLessThan(4_000);
    } finally {
      process.kill(escaped, "SIGKILL");
    }
  });

  it("ends what the command left running in its own group when the command ends", async () => {
    const result = await run("sleep 30 & echo $!", { kind: "none" });
    const leftover = Number(result.output.trim());
    await expect.poll(() => processAlive(leftover), { timeout: 2_000 }).toBe(false);
  });

  it("kills a command at once when its run was already cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    const root = await workspace();
    const result = await runCommand(root, "sleep 0.5; touch ran", { timeoutSeconds: 5, signal: controller.signal, sandbox: { kind: "none" } });
    expect(result.signal).toBe("SIGKILL");
    await expect(fs.access(path.join(root, "ran"))).rejects.toThrow();
  });
});

describe("the bubblewrap sandbox", () => {
  it("is installed (npm test installs it; run_command is refused without it)", () => {
    expect(bubblewrapAvailable(), "install bubblewrap (Debian: apt-get install bubblewrap)").toBe(true);
  });

  it("keeps the system read-only and /tmp private, but the workspace writable", async () => {
    const outside = await workspace();
    const root = await workspace();
    const result = await run(`touch /etc/baton-test 2>&1; touch ${outside}/x 2>&1; echo hi > note.txt; ls /tmp | wc -l`, { kind: "bwrap", network: false }, root);
    expect(result.output).toMatch(/\/etc\/baton-test.*Read-only file system/);
    expect(result.output).toMatch(/No such file or directory|Read-only file system/);
    expect(await fs.readFile(path.join(root, "note.txt"), "utf8")).toBe("hi\n");
    expect(result.output.trim().split("\n").at(-1)).toBe("1");
  });

  it("runs the command with no capabilities, so even as root it cannot make the system writable", async () => {
    const marker = `/usr/baton-test-${process.pid}`;
    try {
      const result = await run(`grep CapEff /proc/self/status; mount -o remount,bind,rw / 2>&1; touch ${marker} 2>&1; echo done`, { kind: "bwrap", network: false });
      expect(result.output).toMatch(/CapEff:\s+0+\n/);
      expect(result.output).toMatch(/baton-test-\d+.*(Read-only file system|Permission denied)/);
      await expect(fs.access(marker)).rejects.toThrow();
    } finally {
      await fs.rm(marker, { force: true });
    }
  });

  it("keeps the host's kernel settings and SysRq trigger out of reach (writing one back as it is must fail)", async () => {
    const result = await run("v=$(cat /proc/sys/kernel/core_pattern); echo \"$v\" > /proc/sys/kernel/core_pattern 2>&1 && echo wrote-sysctl; echo h > /proc/sysrq-trigger 2>&1 && echo wrote-sysrq; hostname baton-test 2>&1 && echo renamed; echo checked", { kind: "bwrap", network: false });
    expect(result.output).not.toMatch(/wrote-sysctl|wrote-sysrq/);
    expect(result.output.trim().split("\n").at(-1)).toBe("checked");
  });

  it("shows the command nothing of the host beyond the system and its own workspace", async () => {
    const root = await workspace();
    const neighbour = await workspace();
    await fs.writeFile(path.join(neighbour, "secret.txt"), "another task's file");
    const project = path.resolve(import.meta.dirname, "../..");
    const probes = [`cat ${neighbour}/secret.txt`, `ls ${project}/package.json`, "ls /root", "ls /run", "ls /home", "cat /etc/shadow"];
    const result = await run(probes.map((probe) => `${probe} >/dev/null 2>&1 && echo "visible: ${probe}"`).join("; ") + "; cat /etc/shadow | wc -c; echo checked", { kind: "bwrap", network: false }, root);
    expect(result.output).not.toMatch(/visible:/);
    // A root-only file under /etc is covered (nothing to read); the rest of /etc is there.
    expect(result.output.trim().split("\n").slice(-2)).toEqual(["0", "checked"]);
    expect((await run("test -r /etc/passwd && echo readable", { kind: "bwrap", network: false })).output.trim()).toBe("readable");
  });

  it("gives the command its own pid namespace", async () => {
    const result = await run("echo $$; ls /proc | grep -c '^[0-9]'", { kind: "bwrap", network: false });
    const [pid, processes] = result.output.trim().split("\n").map(Number);
    expect(pid).toBeLessThan(10);
    expect(processes).toBeLessThan(10);
  });

  it("contains a fork bomb: capped in processes, killed at the time limit, the host unharmed", async () => {
    const before = (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name)).length;
    const started = Date.now();
    const result = await runCommand(await workspace(), "bomb() { bomb | bomb & }; bomb; sleep 30", { timeoutSeconds: 3, signal: new AbortController().signal, sandbox: { kind: "bwrap", network: false } });
    expect(result.timedOut).toBe(true);
    expect(Date.now() - started).toBeLessThan(10_000);
    // Everything it started is gone shortly after, and the host still runs commands.
    await expect.poll(async () => (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name)).length, { timeout: 5_000 }).toBeLessThan(before + 20);
    expect((await run("echo alive", { kind: "bwrap", network: false })).output.trim()).toBe("alive");
  }, 20_000);

  it("cuts the network unless the profile allows it, and then keeps the host and private networks out of reach", async () => {
    expect(slirpAvailable(), "install slirp4netns (Debian: apt-get install slirp4netns)").toBe(true);
    expect(fenceAvailable(), "install util-linux and iproute2 (Debian: apt-get install util-linux iproute2)").toBe(true);
    // A service on the host's loopback (as PostgreSQL, Redis and Baton listen here), and one on its outside address.
    const outside = Object.values(os.networkInterfaces()).flat().find((address) => address && address.family === "IPv4" && !address.internal)?.address;
    expect(outside, "a non-loopback IPv4 address on this host").toBeDefined();
    const serve = async (host: string, greeting: string) => {
      const server = net.createServer((socket) => socket.end(`${greeting}\n`));
      await new Promise<void>((resolve) => server.listen(0, host, resolve));
      return { server, port: (server.address() as net.AddressInfo).port };
    };
    const loopback = await serve("127.0.0.1", "loopback");
    const external = await serve(outside!, "outside");
    const probe = (host: string, port: number) => `(exec 5<>/dev/tcp/${host}/${port} && head -1 <&5) 2>/dev/null || echo "no answer from ${host}"`;
    // 10.0.2.2 is slirp4netns's name for the host: without --disable-host-loopback it leads to the host's loopback.
    // 169.254.169.254 is where clouds serve a machine's credentials; nothing answers there here, but it must not even be tried.
    const all = [
      probe("127.0.0.1", loopback.port),
      probe("10.0.2.2", loopback.port),
      probe(outside!, external.port),
      `ip route get 169.254.169.254 2>&1 | head -1`,
      `ip route del unreachable 10.0.0.0/8 2>&1 || true`,
      "cat /etc/resolv.conf",
    ].join("; ");
    try {
      const cut = await run(all, { kind: "bwrap", network: false });
      expect(cut.output).toContain("no answer from 127.0.0.1");
      expect(cut.output).toContain(`no answer from ${outside}`);

      const fenced = await run(all, { kind: "bwrap", network: true });
      expect(fenced.exitCode).toBe(0);
      expect(fenced.output).toContain("no answer from 127.0.0.1");
      expect(fenced.output).toContain("no answer from 10.0.2.2");
      expect(fenced.output).not.toContain("loopback");
      // The host's own outside address, like private networks, is fenced off, and the command cannot take the fence down.
      expect(fenced.output).toContain(`no answer from ${outside}`);
      expect(fenced.output).toMatch(/RTNETLINK answers: No route to host|unreachable/);
      expect(fenced.output).toContain("Operation not permitted");
      // Names go to slirp4netns's forwarder: the host's resolver may itself be on its loopback.
      expect(fenced.output).toContain("nameserver 10.0.2.3");

      // An address an operator lets through (BATON_COMMAND_REACHABLE) answers: the network itself works.
      const opened = await run(all, { kind: "bwrap", network: true, reachable: [`${outside}/32`] });
      expect(opened.output).toContain("outside");
      expect(opened.output).not.toContain(`no answer from ${outside}`);
      expect(opened.output).toContain("no answer from 127.0.0.1");
      expect(opened.output).not.toContain("loopback");
    } finally {
      loopback.server.close();
      external.server.close();
    }
  });

  it("ends the command's network with the command, and a cancel before or after it is up leaves nothing behind", async () => {
    const ours = () => spawnSync("pgrep", ["-P", String(process.pid), "-x", "slirp4netns"], { encoding: "utf8" }).stdout.trim();
    expect((await run("echo up", { kind: "bwrap", network: true })).output.trim()).toBe("up");
    await waitUntil(() => ours() === "");
    // Cancelled before the sandbox is even set up, and while the command runs on its network.
    const early = new AbortController();
    early.abort();
    await runCommand(await workspace(), "echo never", { timeoutSeconds: 5, signal: early.signal, sandbox: { kind: "bwrap", network: true } });
    const late = new AbortController();
    const running = runCommand(await workspace(), "echo started; sleep 30", { timeoutSeconds: 60, signal: late.signal, sandbox: { kind: "bwrap", network: true } });
    await waitUntil(() => ours() !== "");
    await new Promise((resolve) => setTimeout(resolve, 300));
    late.abort();
    expect((await running).output).toContain("started");
    await waitUntil(() => ours() === "");
  });
});

async function waitUntil(done: () => boolean, timeoutMs = 3000) {
  for (const start = Date.now(); !done(); ) {
    if (Date.now() - start > timeoutMs) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("hiddenIn", () => {
  it("covers what only its owner may read: directories with an empty one, files with an empty file", async () => {
    const etc = await workspace();
    const make = async (relative: string, mode: number, dir = false) => {
      const full = path.join(etc, relative);
      if (dir) await fs.mkdir(full);
      else await fs.writeFile(full, "x");
      await fs.chmod(full, mode);
      return full;
    };
    await make("public.conf", 0o644);
    const secret = await make("shadow", 0o640);
    const privateDir = await make("private", 0o700, true);
    await make("ssl", 0o755, true);
    const key = await make("ssl/key.pem", 0o600);
    await make("ssl/cert.pem", 0o644);
    expect(new Set(mounts(hiddenIn(etc)))).toEqual(new Set([`--ro-bind /dev/null ${secret}`, `--ro-bind /dev/null ${key}`, `--tmpfs ${privateDir}`]));
    // A tree larger than the walk may look at is covered whole.
    expect(hiddenIn(etc, 3)).toEqual(["--tmpfs", etc]);
  });
});

/** bubblewrap arguments as one string a mount: "--tmpfs DIR", "--ro-bind SOURCE DEST". */
function mounts(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; ) {
    const size = args[i] === "--tmpfs" ? 2 : 3;
    out.push(args.slice(i, i + size).join(" "));
    i += size;
  }
  return out;
}

describe("CappedOutput", () => {
  it("keeps head and tail and counts what it dropped", () => {
    const capped = new CappedOutput(10);
    capped.push(Buffer.from("abcdefghijklmnopqrstuvwxyz"));
    expect(capped.text()).toBe("abcde\n…[16 bytes of output omitted]…\nvwxyz");
  });
});
