// Sends dashboard commands to the agent daemons and lets a daemon listen for them (Redis pub/sub
// on `<prefix>:fleet-commands`), plus the claim that makes exactly one daemon carry out a start.
import type { Redis } from "ioredis";
import { ZFleetCommandSchema, type FleetCommand } from "../contracts/fleet-commands";

export interface FleetCommands {
  /** Publishes a command; resolves with how many daemons are listening (0: none would act). */
  send(command: FleetCommand): Promise<number>;
}

export function createFleetCommands(redis: Redis, channel: string): FleetCommands {
  return {
    async send(command) {
      return redis.publish(channel, JSON.stringify(ZFleetCommandSchema.parse(command)));
    },
  };
}

/** Subscribes on a dedicated connection (a subscribed ioredis client can run no other command). */
export async function onFleetCommand(subscriber: Redis, channel: string, handler: (command: FleetCommand) => void): Promise<void> {
  subscriber.on("message", (received: string, raw: string) => {
    if (received !== channel) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = ZFleetCommandSchema.safeParse(data);
    if (parsed.success) handler(parsed.data);
  });
  await subscriber.subscribe(channel);
}

/** True for the first daemon to claim `commandId`; the claim expires after a minute. */
export async function claimFleetCommand(redis: Redis, claimPrefix: string, commandId: string, owner: string): Promise<boolean> {
  return (await redis.set(`${claimPrefix}:${commandId}`, owner, "EX", 60, "NX")) === "OK";
}
