import { describe, expect, it } from "vitest";
import os from "node:os";
import { fenceRoutes, FENCED_RANGES, hostAddresses, rangeWithin, ZReachableRanges } from "./network-fence";

describe("ZReachableRanges", () => {
  it("reads ranges and single addresses, and none when unset", () => {
    expect(ZReachableRanges.parse(undefined)).toEqual([]);
    expect(ZReachableRanges.parse(" 10.1.0.0/16, 192.168.1.20 ,")).toEqual(["10.1.0.0/16", "192.168.1.20/32"]);
  });

  it("names what is wrong with an entry", () => {
    const messages = (value: string) => ZReachableRanges.safeParse(value).error?.issues.map((issue) => issue.message);
    expect(messages("registry.internal")).toEqual(['"registry.internal" is not an IPv4 address or range such as 10.1.0.0/16']);
    expect(messages("10.0.0.0/33")).toEqual(['"10.0.0.0/33" is not an IPv4 address or range such as 10.1.0.0/16']);
    expect(messages("10.1.2.3/16")).toEqual(['"10.1.2.3/16" is not where its range starts: did you mean 10.1.0.0/16?']);
    expect(messages("172.20.255.1/12")).toEqual(['"172.20.255.1/12" is not where its range starts: did you mean 172.16.0.0/12?']);
  });
});

describe("fenceRoutes", () => {
  it("makes every fenced range and host address unreachable, then routes the reachable ones out", () => {
    const lines = fenceRoutes(["192.0.2.2/32", "10.4.0.0/16"], ["10.1.0.0/16"]);
    expect(lines).toEqual([
      ...FENCED_RANGES.map((range) => `route add unreachable ${range}`),
      "route add unreachable 192.0.2.2/32",
      "route add unreachable 10.4.0.0/16",
      "route replace 10.1.0.0/16 via 10.0.2.2 dev tap0",
    ]);
  });

  it("opens exactly what a reachable range names, also when it is wider than a fence", () => {
    const lines = fenceRoutes(["172.20.0.5/32", "192.0.2.2/32"], ["172.0.0.0/8", "192.0.2.2/32"]);
    // 172.16.0.0/12 and the host address inside 172/8 lie inside an opened range: no fence for them.
    expect(lines.filter((line) => line.startsWith("route add") && /172\.|192\.0\.2/.test(line))).toEqual([]);
    expect(lines).toContain("route add unreachable 10.0.0.0/8");
    expect(lines.slice(-2)).toEqual(["route replace 172.0.0.0/8 via 10.0.2.2 dev tap0", "route replace 192.0.2.2/32 via 10.0.2.2 dev tap0"]);
  });
});

describe("rangeWithin", () => {
  it("compares ranges by their start and size", () => {
    expect(rangeWithin("10.1.0.0/16", "10.0.0.0/8")).toBe(true);
    expect(rangeWithin("10.0.0.0/8", "10.0.0.0/8")).toBe(true);
    expect(rangeWithin("10.0.0.0/8", "10.1.0.0/16")).toBe(false);
    expect(rangeWithin("11.0.0.1/32", "10.0.0.0/8")).toBe(false);
    expect(rangeWithin("172.31.255.255/32", "172.16.0.0/12")).toBe(true);
  });
});

describe("hostAddresses", () => {
  it("lists this host's own addresses from its local routing table, loopback's 127/8 aside", async () => {
    const addresses = await hostAddresses();
    expect(addresses.every((range) => /^\d+\.\d+\.\d+\.\d+\/\d+$/.test(range) && !range.startsWith("127."))).toBe(true);
    const outside = Object.values(os.networkInterfaces()).flat().filter((address) => address && address.family === "IPv4" && !address.internal);
    for (const address of outside) expect(addresses).toContain(`${address!.address}/32`);
  });
});
