// Agent profiles: what each kind of agent can do and how many of it the fleet keeps running.
import type { RouterOutputs } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";

export type ProfileView = RouterOutputs["agent"]["profiles"][number];

export function ProfileList({ profiles, runningByProfile }: { profiles: ProfileView[]; runningByProfile: ReadonlyMap<string, number> }) {
  return (
    <ul className="grid gap-3 p-4 md:grid-cols-2">
      {profiles.map((profile) => {
        const running = runningByProfile.get(profile.name) ?? 0;
        return (
          <li key={profile.id} className="rounded-md border border-border p-3" data-testid="profile">
            <div className="flex items-start justify-between gap-3">
              <h3 className="text-sm font-semibold text-foreground">{profile.name}</h3>
              <span className={cx("text-xs tabular-nums whitespace-nowrap", running < profile.minAgents ? "text-warning-fg" : "text-muted")}>
                {running} running · {profile.minAgents}–{profile.maxAgents} agents
              </span>
            </div>
            <p className="mt-1 text-sm text-muted">{profile.description}</p>
            <div className="mt-2 flex flex-wrap gap-1">
              {profile.capabilities.map((capability) => (
                <Badge key={capability} tone="accent">
                  {capability}
                </Badge>
              ))}
            </div>
            <p className="mt-2 text-xs text-subtle">
              Tools: {profile.allowedTools.join(", ") || "none"} · {profile.maxTurns} turns · {profile.timeoutSeconds}s timeout · {profile.memoryLimitMb} MB
              {profile.model ? ` · ${profile.model}` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
