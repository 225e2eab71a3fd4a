// Picks the agent profile for a subtask: among profiles that run agents, the one covering all
// required capabilities with the fewest extra ones; otherwise the generalist.
export const GENERALIST_PROFILE = "generalist";

export interface RoutableProfile {
  id: string;
  name: string;
  capabilities: string[];
  maxAgents: number;
}

export function routeProfile<P extends RoutableProfile>(required: string[], profiles: P[]): P | undefined {
  const running = profiles.filter((profile) => profile.maxAgents > 0);
  const covering = running
    .filter((profile) => required.every((capability) => profile.capabilities.includes(capability)))
    .sort((a, b) => a.capabilities.length - b.capabilities.length || a.name.localeCompare(b.name));
  return covering[0] ?? profiles.find((profile) => profile.name === GENERALIST_PROFILE);
}
