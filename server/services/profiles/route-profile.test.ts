import { describe, expect, it } from "vitest";
import { routeProfile } from "./route-profile";

const profiles = [
  { id: "1", name: "generalist", capabilities: ["read", "analyze", "write", "code", "shell"], maxAgents: 2 },
  { id: "2", name: "analyst", capabilities: ["read", "analyze"], maxAgents: 2 },
  { id: "3", name: "reader", capabilities: ["read"], maxAgents: 0 },
];

describe("routeProfile", () => {
  it("picks the covering profile with the fewest extra capabilities among running ones", () => {
    expect(routeProfile(["read"], profiles)?.name).toBe("analyst");
    expect(routeProfile(["read", "analyze"], profiles)?.name).toBe("analyst");
    expect(routeProfile(["write"], profiles)?.name).toBe("generalist");
  });

  it("falls back to the generalist when nothing covers the capabilities", () => {
    expect(routeProfile(["fly"], profiles)?.name).toBe("generalist");
  });
});
