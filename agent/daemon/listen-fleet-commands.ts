// Carries out the dashboard's fleet commands that concern this daemon: stop and restart of the
// agents it runs (others ignore them), and starts it can admit and is first to claim.
import type { Redis } from "ioredis";
import type { FleetCommand } from "../../server/contracts/fleet-commands";
import { claimFleetCommand, onFleetCommand } from "../../server/queues/fleet-commands";
import type { RedisKeys } from "../../server/redis-keys";
import type { FleetControl } from "./fleet-control";

export async function listenFleetCommands(options: { subscriber: Redis; redis: Redis; keys: RedisKeys; owner: string; fleet: FleetControl }): Promise<void> {
  const { fleet } = options;
  const handle = async (command: FleetCommand) => {
    if (command.type === "start") {
      const result = await fleet.start(command.profile, command.requestedBy, () => claimFleetCommand(options.redis, options.keys.fleetCommandClaims, command.id, options.owner));
      if (result) console.log(`fleet command: start ${command.profile} for ${command.requestedBy}: ${result.ok ? `agent ${result.agentId}` : result.error}`);
    } else if (command.type === "stop") {
      if (await fleet.stop(command.agentId, command.mode, command.requestedBy)) console.log(`fleet command: stop ${command.agentId} (${command.mode}) for ${command.requestedBy}`);
    } else if (await fleet.restart(command.agentId, command.requestedBy)) {
      console.log(`fleet command: restart ${command.agentId} for ${command.requestedBy}`);
    }
  };
  await onFleetCommand(options.subscriber, options.keys.fleetCommands, (command) => void handle(command).catch((error) => console.error("fleet command:", error)));
}
