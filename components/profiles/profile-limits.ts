// Compact wording of a profile's limits for the profiles table: "12 turns · 5 min · 512 MB".
import { formatCount } from "@/components/format/numbers";

export function formatTimeLimit(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) return `${seconds} s`;
  const minutes = seconds / 60;
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  return `${minutes / 60} h`;
}

export function summarizeLimits(profile: { maxTurns: number; timeoutSeconds: number; memoryLimitMb: number }): string {
  const turns = profile.maxTurns === 1 ? "1 turn" : `${profile.maxTurns} turns`;
  return `${turns} · ${formatTimeLimit(profile.timeoutSeconds)} · ${formatCount(profile.memoryLimitMb)} MB`;
}
