// What a command allowed the network may not reach, though slirp4netns would carry it there: the
// host's own addresses (Baton's web server, and any service that listens on more than loopback),
// private networks (the site's other machines, Docker's compose services), link-local addresses
// (a cloud's metadata service at 169.254.169.254, with the machine's credentials) and carrier-grade
// NAT. They become unreachable routes in the command's network namespace, set before the command
// starts; the command has no capabilities, so it cannot take them away. An operator lets commands
// reach chosen ones (an internal package registry, say) with BATON_COMMAND_REACHABLE.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
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

function rangeStart(range: string): string {
  const [address, bits] = range.split("/");
  const octets = address!.split(".").map(Number);
  const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
  const size = 2 ** (32 - Number(bits));
  const start = value - (value % size);
  return [24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join(".");
}

/** The host's own IPv4 addresses, loopback aside (the namespace has a loopback of its own). */
export function hostAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .flatMap((address) => (address && address.family === "IPv4" && !address.internal ? [address.address] : []));
}

/**
 * The `ip -batch` lines that fence the namespace: an unreachable route for each fenced range and
 * host address, then a route through slirp4netns's gateway for each reachable range, which wins
 * over the fence where it is as narrow or narrower (the longest prefix decides).
 */
export function fenceRoutes(host: readonly string[], reachable: readonly string[]): string[] {
  const fenced = new Set<string>([...FENCED_RANGES, ...host.map((address) => `${address}/32`)]);
  return [...[...fenced].map((range) => `route add unreachable ${range}`), ...reachable.map((range) => `route replace ${range} via ${GATEWAY} dev tap0`)];
}

/** Sets the fence in the network namespace of `pid` (the waiting sandbox), or rejects with why not. */
export function raiseFence(pid: number, reachable: readonly string[]): Promise<void> {
  // As root the sandbox shares this user namespace; otherwise bubblewrap made it one, which nsenter
  // joins first (the same user owns it), as slirp4netns does.
  const ownUserNamespace = namespaceOf(pid) !== namespaceOf("self");
  const enter = ["--target", String(pid), "--net", ...(ownUserNamespace ? ["--user", "--preserve-credentials"] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn("nsenter", [...enter, "ip", "-batch", "-"], { stdio: ["pipe", "ignore", "pipe"], env: { ...process.env, PATH: TOOLS_PATH } });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-500)));
    child.stdin!.on("error", () => {});
    child.stdin!.end(`${fenceRoutes(hostAddresses(), reachable).join("\n")}\n`);
    child.on("error", (error) => reject(new Error(`nsenter: ${error.message}`)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ip exited with code ${code}${stderr.trim() ? `: ${stderr.trim().split("\n").at(-1)}` : ""}`))));
  });
}

function namespaceOf(pid: number | "self"): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/user`);
  } catch {
    return null;
  }
}
