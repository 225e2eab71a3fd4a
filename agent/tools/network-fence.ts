// What a command allowed the network may not reach, though slirp4netns would carry it there: the
// host's own addresses (Baton's web server, and any service that listens on more than loopback),
// private networks (the site's other machines, Docker's compose services), link-local addresses
// (a cloud's metadata service at 169.254.169.254, with the machine's credentials; Azure's at
// 168.63.129.16) and carrier-grade NAT. They become unreachable routes in the command's network
// namespace, set before the command starts; the command has no capabilities, so it cannot take
// them away. An operator lets commands reach chosen ones (an internal package registry, say) with
// BATON_COMMAND_REACHABLE, which opens exactly the ranges it names.
import { spawn, type StdioOptions } from "node:child_process";
import { z } from "zod";

/** IPv4 only: slirp4netns gives the namespace no IPv6 (it runs without --enable-ipv6). */
export const FENCED_RANGES = [
  "0.0.0.0/8", // "this network"
  "10.0.0.0/8",
  "100.64.0.0/10", // carrier-grade NAT
  "169.254.0.0/16", // link-local: cloud metadata services
  "172.16.0.0/12",
  "192.168.0.0/16",
  "198.18.0.0/15", // network benchmarking
  "168.63.129.16/32", // Azure's host services (WireServer)
] as const;

/** slirp4netns's gateway, through which a reachable range is routed again. */
const GATEWAY = "10.0.2.2";
/** Where nsenter and ip are, whatever the agent's own PATH (ip is in /usr/sbin). */
export const TOOLS_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/**
 * One IPv4 address or range, as `10.1.0.0/16` or `10.1.2.3` (a single address); the address must
 * be where its range starts, so that what is written is what is opened.
 */
export const ZIpv4Range = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const range = value.includes("/") ? value : `${value}/32`;
    if (!z.cidrv4().safeParse(range).success) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not an IPv4 address or range such as 10.1.0.0/16` });
      return z.NEVER;
    }
    const start = `${rangeStart(range)}/${range.split("/")[1]}`;
    if (start !== range) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not where its range starts: did you mean ${start}?` });
      return z.NEVER;
    }
    return range;
  });

/** A comma-separated list of ranges (BATON_COMMAND_REACHABLE). */
export const ZReachableRanges = z
  .string()
  .default("")
  .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(ZIpv4Range));

function toNumber(address: string): number {
  return address.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
}

function rangeStart(range: string): string {
  const [address, bits] = range.split("/");
  const size = 2 ** (32 - Number(bits));
  const value = toNumber(address!);
  const start = value - (value % size);
  return [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join(".");
}

/** Whether the range `inner` lies wholly inside `outer` (both as a.b.c.d/n). */
export function rangeWithin(inner: string, outer: string): boolean {
  const [innerAddress, innerBits] = inner.split("/");
  const [, outerBits] = outer.split("/");
  return Number(outerBits) <= Number(innerBits) && rangeStart(`${innerAddress}/${outerBits}`) === outer.split("/")[0];
}

/**
 * The host's own IPv4 addresses and ranges, as its kernel's local routing table lists them (every
 * interface, loopback's extra addresses and AnyIP ranges included), less 127.0.0.0/8: the
 * namespace has a loopback of its own, and slirp4netns keeps the host's out of reach.
 */
export async function hostAddresses(signal?: AbortSignal): Promise<string[]> {
  const { stdout } = await run("ip", ["-4", "-o", "route", "show", "table", "local", "type", "local"], undefined, signal);
  return stdout
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[1])
    .filter((range): range is string => Boolean(range))
    .map((range) => (range.includes("/") ? range : `${range}/32`))
    .filter((range) => !rangeWithin(range, "127.0.0.0/8"));
}

/**
 * The `ip -batch` lines that fence the namespace: an unreachable route for each fenced range and
 * host address, less those inside a reachable range, then a route through slirp4netns's gateway
 * for each reachable range, which wins over a wider fence (the longest prefix decides).
 */
export function fenceRoutes(host: readonly string[], reachable: readonly string[]): string[] {
  const fenced = [...new Set<string>([...FENCED_RANGES, ...host])].filter((range) => !reachable.some((open) => rangeWithin(range, open)));
  return [...fenced.map((range) => `route add unreachable ${range}`), ...reachable.map((range) => `route replace ${range} via ${GATEWAY} dev tap0`)];
}

/**
 * Sets the fence in the network namespace open at descriptor `namespace` (the sandbox's, which
 * waits to be let go) for the `host` addresses (read while slirp4netns starts), or rejects with
 * why not; `signal` stops it. The agent is root (as in Baton's image), so the namespace is one
 * this process may enter. An agent that is not root gets a sandbox in user namespaces bubblewrap
 * nests, whose network neither nsenter nor slirp4netns can enter: such a command fails with that
 * reason.
 */
export async function raiseFence(namespace: number, host: Promise<string[]>, reachable: readonly string[], signal?: AbortSignal): Promise<void> {
  await run("nsenter", ["--net=/proc/self/fd/3", "ip", "-batch", "-"], `${fenceRoutes(await host, reachable).join("\n")}\n`, signal, namespace);
}

/** Runs a program of TOOLS_PATH with `input` (and `fd3` as its descriptor 3); rejects with the end of its stderr when it fails. */
function run(program: string, args: string[], input: string | undefined, signal: AbortSignal | undefined, fd3?: number): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const stdio: StdioOptions = fd3 === undefined ? ["pipe", "pipe", "pipe"] : ["pipe", "pipe", "pipe", fd3];
    const child = spawn(program, args, { stdio, env: { ...process.env, PATH: TOOLS_PATH }, signal, killSignal: "SIGKILL" });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-500)));
    child.stdin!.on("error", () => {});
    child.stdin!.end(input);
    child.on("error", (error) => reject(new Error(`${program}: ${error.message}`)));
    child.on("close", (code) => {
      const why = stderr.trim().split("\n").at(-1);
      if (code === 0) resolve({ stdout });
      else reject(new Error(`${program} exited with code ${code}${why ? `: ${why}` : ""}`));
    });
  });
}
