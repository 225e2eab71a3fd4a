import { describe, expect, it } from "vitest";
import { startDecisionOf } from "./use-start-decision";

const at = (iso: string) => new Date(iso);
const sentAt = at("2026-12-02T10:00:00Z");

describe("startDecisionOf", () => {
  it("takes the profile's first start or refusal stamped after the command", () => {
    const events = [
      { profile: "analyst", action: "refused", reason: "start requested by a@x.test; host limit reached: 4 of 4 agents", createdAt: at("2026-12-02T10:00:02Z") },
      { profile: "analyst", action: "start", reason: "requested by a@x.test", createdAt: at("2026-12-02T09:59:00Z") },
      { profile: "generalist", action: "start", reason: "requested by a@x.test", createdAt: at("2026-12-02T10:00:01Z") },
      { profile: "analyst", action: "scale_up", reason: "backlog", createdAt: at("2026-12-02T10:00:01Z") },
    ];
    expect(startDecisionOf(events, "analyst", sentAt)).toEqual({ kind: "refused", reason: "host limit reached: 4 of 4 agents" });
    expect(startDecisionOf(events, "generalist", sentAt)).toEqual({ kind: "started" });
    expect(startDecisionOf(events, "researcher", sentAt)).toBeNull();
  });
});
