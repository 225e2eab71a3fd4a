// How many agents of each profile this host runs: each profile's desired count, in profile
// order, until the host's cap is reached.
export function allocateAgents<P extends { minAgents: number }>(profiles: P[], maxAgents: number): { profile: P; count: number }[] {
  let remaining = maxAgents;
  return profiles.map((profile) => {
    const count = Math.max(0, Math.min(profile.minAgents, remaining));
    remaining -= count;
    return { profile, count };
  });
}
