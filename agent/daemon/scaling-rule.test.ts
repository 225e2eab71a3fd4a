import { describe, expect, it } from "vitest";
import { decideScaling, type AgentSnapshot, type HostState, type ProfileFleet } from "./scaling-rule";

const host: HostState = { maxAgents: 6, freeMemoryMb: 8000, minFreeMemoryMb: 500, loadPerCore: 0.5, maxLoadPerCore: 2, cooldownMs: 30_000 };
const idle = (id: string, idleMs = 0): AgentSnapshot => ({ id, phase: "idle", idleMs });
const busy = (id: string): AgentSnapshot => ({ id, phase: "busy", idleMs: 0 });
const starting = (id: string): AgentSnapshot => ({ id, phase: "starting", idleMs: 0 });
const fleet = (profile: string, agents: AgentSnapshot[], queued = 0, minAgents = 1, maxAgents = 3): ProfileFleet => ({ profile, minAgents, maxAgents, queued, agents });

describe("decideScaling", () => {
  it("starts agents up to the minimum at once", () => {
    expect(decideScaling([fleet("analyst", [], 0, 2)], host)).toEqual([
      { action: "scale_up", profile: "analyst", reason: "below minimum: 0 of 2", from: 0, to: 1 },
      { action: "scale_up", profile: "analyst", reason: "below minimum: 0 of 2", from: 1, to: 2 },
    ]);
  });

  it("adds one agent when more jobs wait than agents are idle or starting, up to the maximum", () => {
    expect(decideScaling([fleet("analyst", [busy("a")], 2)], host)).toMatchObject([{ action: "scale_up", from: 1, to: 2, reason: "2 waiting, 0 idle or starting" }]);
    expect(decideScaling([fleet("analyst", [busy("a"), starting("b")], 1)], host)).toEqual([]);
    expect(decideScaling([fleet("analyst", [busy("a"), busy("b"), busy("c")], 5)], host)).toEqual([]);
  });

  it("retires the longest-idle agent after the cool-down while above the minimum and nothing waits", () => {
    const agents = [idle("a", 40_000), idle("b", 50_000), busy("c")];
    expect(decideScaling([fleet("analyst", agents)], host)).toEqual([
      { action: "scale_down", profile: "analyst", agentId: "b", reason: "idle 50 s (cool-down 30 s), above minimum 1", from: 3, to: 2 },
    ]);
    expect(decideScaling([fleet("analyst", [idle("a", 10_000), busy("b")])], host)).toEqual([]);
    expect(decideScaling([fleet("analyst", [idle("a", 90_000)])], host)).toEqual([]);
    expect(decideScaling([fleet("analyst", [idle("a", 90_000), idle("b", 90_000)], 1)], host)).toEqual([]);
  });

  it("retires idle agents above a lowered maximum without waiting for the cool-down", () => {
    expect(decideScaling([fleet("analyst", [idle("a", 1), busy("b"), busy("c")], 0, 1, 2)], host)).toMatchObject([{ action: "scale_down", agentId: "a", reason: "above maximum: 3 of 2" }]);
  });

  it("never starts past the host's total, serving profiles below their minimum first", () => {
    const decisions = decideScaling([fleet("generalist", [busy("g1"), busy("g2")], 4, 1, 4), fleet("analyst", [], 0, 2)], { ...host, maxAgents: 3 });
    expect(decisions).toEqual([
      { action: "scale_up", profile: "analyst", reason: "below minimum: 0 of 2", from: 0, to: 1 },
      { action: "refused", profile: "analyst", reason: "below minimum: 0 of 2; host limit reached: 3 of 3 agents", from: 1, to: 2 },
      { action: "refused", profile: "generalist", reason: "4 waiting, 0 idle or starting; host limit reached: 3 of 3 agents", from: 2, to: 3 },
    ]);
  });

  it("makes room on a full host for jobs no agent can take, retiring an idle agent of a profile with nothing waiting", () => {
    const full = { ...host, maxAgents: 4 };
    const generalist = (agents: AgentSnapshot[], queued = 0) => fleet("generalist", agents, queued, 2, 4);
    const analyst = fleet("analyst", [busy("a1"), busy("a2")], 0, 2);
    const researcher = (agents: AgentSnapshot[], queued: number) => fleet("researcher", agents, queued, 0, 2);
    expect(decideScaling([generalist([idle("g1", 10_000), idle("g2", 50_000)]), analyst, researcher([], 1)], full)).toEqual([
      { action: "refused", profile: "researcher", reason: "1 waiting, no agent; host limit reached: 4 of 4 agents", from: 0, to: 1 },
      { action: "scale_down", profile: "generalist", agentId: "g2", reason: "making room for researcher (1 waiting, no agent): host limit reached", from: 2, to: 1 },
    ]);
    // The next tick, with g2 stopping: the stuck work's agent starts before the generalists' minimum is restored.
    expect(decideScaling([generalist([idle("g1", 11_000)]), analyst, researcher([], 1)], full)).toEqual([
      { action: "scale_up", profile: "researcher", reason: "1 waiting, no agent", from: 0, to: 1 },
      { action: "refused", profile: "generalist", reason: "below minimum: 1 of 2; host limit reached: 4 of 4 agents", from: 1, to: 2 },
    ]);
  });

  it("retires nothing for stuck work while every agent is busy, or another profile has work waiting, or memory is what refuses", () => {
    const full = { ...host, maxAgents: 2 };
    const researcher = fleet("researcher", [], 1, 0, 2);
    expect(decideScaling([fleet("generalist", [busy("g1"), busy("g2")], 0, 2, 4), researcher], full)).toEqual([
      { action: "refused", profile: "researcher", reason: "1 waiting, no agent; host limit reached: 2 of 2 agents", from: 0, to: 1 },
    ]);
    expect(decideScaling([fleet("generalist", [busy("g1"), idle("g2", 90_000)], 3, 2, 2), researcher], full)).toEqual([
      { action: "refused", profile: "researcher", reason: "1 waiting, no agent; host limit reached: 2 of 2 agents", from: 0, to: 1 },
    ]);
    expect(decideScaling([fleet("generalist", [idle("g1", 90_000)], 0, 1, 4), researcher], { ...host, freeMemoryMb: 100 })).toEqual([
      { action: "refused", profile: "researcher", reason: "1 waiting, no agent; low memory: 100 MB free, floor 500 MB", from: 0, to: 1 },
    ]);
  });

  it("refuses starts while memory is short or the load is high", () => {
    expect(decideScaling([fleet("analyst", [], 0)], { ...host, freeMemoryMb: 300 })).toEqual([
      { action: "refused", profile: "analyst", reason: "below minimum: 0 of 1; low memory: 300 MB free, floor 500 MB", from: 0, to: 1 },
    ]);
    expect(decideScaling([fleet("analyst", [busy("a")], 3)], { ...host, loadPerCore: 2.75 })).toMatchObject([
      { action: "refused", reason: "3 waiting, 0 idle or starting; high load: 2.75 per core, limit 2" },
    ]);
  });

  it("decides nothing for a fleet at rest", () => {
    expect(decideScaling([fleet("analyst", [idle("a", 99_000)]), fleet("tester", [], 0, 0, 2)], host)).toEqual([]);
  });
});
