// Agent profiles as a table for admins: what each is for, what it may do, its limits and fleet
// size, with a link to edit it.
import Link from "next/link";
import type { RouterOutputs } from "@/components/providers/trpc";
import { Badge } from "@/components/ui/badge";
import { ACTIONS_COLUMN } from "@/components/admin/actions-column";
import { mutedTableCell, Table, type TableColumn } from "@/components/ui/table";
import { WORKSPACE_TOOLS } from "@/server/services/profiles/default-profiles";
import { APPROVAL_LABELS } from "./profile-labels";
import { summarizeLimits } from "./profile-limits";

export type ProfileRow = RouterOutputs["agent"]["profiles"][number];

const COLUMNS: TableColumn[] = [
  { label: "Profile" },
  { label: "Capabilities" },
  { label: "Tools", numeric: true },
  { label: "Limits" },
  { label: "Approvals" },
  { label: "Agents", numeric: true },
  ACTIONS_COLUMN,
];

const cell = `${mutedTableCell} align-top`;

export function ProfileTable({ profiles }: { profiles: ProfileRow[] }) {
  return (
    <Table columns={COLUMNS} label="Profiles">
      {profiles.map((profile) => (
        <tr key={profile.id} data-testid="profile-row" data-name={profile.name}>
          <td className="min-w-48 max-w-80 px-3 py-2.5 align-top">
            {/* The name links too, so on a phone editing does not need a sideways scroll. */}
            <Link href={`/admin/profiles/${profile.id}`} className="font-medium text-foreground hover:text-accent">
              {profile.name}
            </Link>
            <span className="line-clamp-2 text-xs text-subtle" title={profile.description}>
              {profile.description}
            </span>
          </td>
          <td className="px-3 py-2.5 align-top">
            <div className="flex min-w-32 flex-wrap gap-1">
              {profile.capabilities.map((capability) => (
                <Badge key={capability} tone="accent">
                  {capability}
                </Badge>
              ))}
            </div>
          </td>
          <td className={`${cell} text-right tabular-nums`} title={profile.allowedTools.join(", ") || "No tools"}>
            {profile.allowedTools.length} of {WORKSPACE_TOOLS.length}
            {profile.networkAllowed ? <span className="block text-xs text-subtle">network</span> : null}
          </td>
          <td className={`${cell} tabular-nums`}>{summarizeLimits(profile)}</td>
          <td className={cell}>
            <Badge tone={profile.approvalMode === "NONE" ? "neutral" : "warning"}>{APPROVAL_LABELS[profile.approvalMode]}</Badge>
          </td>
          <td className={`${cell} text-right tabular-nums`}>
            {profile.minAgents}–{profile.maxAgents}
          </td>
          <td className={`${cell} text-right`}>
            <Link href={`/admin/profiles/${profile.id}`} className="font-medium text-accent hover:underline" aria-label={`Edit ${profile.name}`}>
              Edit
            </Link>
          </td>
        </tr>
      ))}
    </Table>
  );
}
