// Agent profiles: what each kind of agent can do, how many of it run against the profile's
// minimum and maximum, and (for admins) a button to start one more.
import { summarizeLimits } from "@/components/profiles/profile-limits";
import type { RouterOutputs } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/class-names";
import { StartAgentButton } from "./start-agent-button";

export type ProfileView = RouterOutputs["agent"]["profiles"][number];

export interface ProfileFleetCount {
  running: number;
  /** Hosts running agents of the profile; each host's daemon keeps the profile within min–max. */
  hosts: number;
}

export function ProfileList({ profiles, counts, canManage }: { profiles: ProfileView[]; counts: ReadonlyMap<string, ProfileFleetCount>; canManage: boolean }) {
  return (
    <ul className="grid gap-3 p-4 md:grid-cols-2">
      {profiles.map((profile) => {
        const { running, hosts } = counts.get(profile.name) ?? { running: 0, hosts: 0 };
        const perHost = hosts > 1 ? " per host" : "";
        const atMaximum = running >= profile.maxAgents * Math.max(1, hosts);
        return (
          <li key={profile.id} className="rounded-md border border-border p-3" data-testid="profile">
            <div className="flex items-start justify-between gap-3">
              <h3 className="text-sm font-semibold text-foreground">{profile.name}</h3>
              <span
                className={cx("text-xs tabular-nums whitespace-nowrap", running < profile.minAgents ? "text-warning-fg" : "text-muted")}
                title="Running now, and the range each host's daemon keeps: never fewer than the minimum, more while jobs wait, up to the maximum"
                data-testid="profile-count"
              >
                {running} running{hosts > 1 ? ` on ${hosts} hosts` : ""} · keeps {profile.minAgents}–{profile.maxAgents}
                {perHost}
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
              Tools: {profile.allowedTools.join(", ") || "none"} · {summarizeLimits(profile)}
              {profile.model ? ` · ${profile.model}` : ""}
            </p>
            {canManage ? (
              <div className="mt-3">
                <StartAgentButton profile={profile.name} atMaximum={atMaximum} />
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
