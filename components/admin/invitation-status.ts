// Where an invitation stands: waiting to be used, used, or past its expiry.
import type { BadgeTone } from "@/components/ui/badge";

export type InvitationStatus = "pending" | "accepted" | "expired";

export function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, now: number): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  return invitation.expiresAt.getTime() <= now ? "expired" : "pending";
}

export const INVITATION_STATUS_LOOKS: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "info" },
  accepted: { label: "Accepted", tone: "success" },
  expired: { label: "Expired", tone: "neutral" },
};
