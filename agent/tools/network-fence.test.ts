import { describe, expect, it } from "vitest";
import { fenceRoutes, FENCED_RANGES, ZReachableRanges } from "./network-fence";

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
    const lines = fenceRoutes(["192.0.2.2", "10.4.0.7"], ["10.1.0.0/16"]);
    expect(lines).toEqual([
      ...FENCED_RANGES.map((range) => `route add unreachable ${range}`),
      "route add unreachable 192.0.2.2/32",
      "route add unreachable 10.4.0.7/32",
      "route replace 10.1.0.0/16 via 10.0.2.2 dev tap0",
    ]);
    // A host address inside a fenced range is listed once.
    expect(fenceRoutes(["10.0.0.0"], []).filter((line) => line.includes("10.0.0.0"))).toEqual(["route add unreachable 10.0.0.0/8", "route add unreachable 10.0.0.0/32"]);
  });
});
