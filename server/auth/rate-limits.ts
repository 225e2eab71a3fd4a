// Request budgets kept in Redis (shared by every web replica): task creation per user, and
// failed API-token attempts per client address so tokens cannot be guessed at speed.
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export class RateLimitedError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "RateLimitedError";
  }
}

export interface RateLimitConfig {
  taskCreatesPerMinute: number;
  tokenFailuresPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = { taskCreatesPerMinute: 60, tokenFailuresPerMinute: 10 };

export interface RateLimits {
  /** Throws RateLimitedError when the user has created too many tasks this minute. */
  consumeTaskCreation(userId: string): Promise<void>;
  /** Throws RateLimitedError while this address is locked out after failed token attempts. */
  assertTokenAttemptsAllowed(clientAddress: string): Promise<void>;
  recordTokenFailure(clientAddress: string): Promise<void>;
}

const retryAfter = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

export function createRateLimits(redis: Redis, keyPrefix: string, config: RateLimitConfig = DEFAULT_RATE_LIMITS): RateLimits {
  const taskCreation = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}:task-create`,
    points: config.taskCreatesPerMinute,
    duration: 60,
  });
  const tokenFailures = new RateLimiterRedis({
    storeClient: redis,
    keyPrefix: `${keyPrefix}:token-failure`,
    points: config.tokenFailuresPerMinute,
    duration: 60,
  });

  return {
    async consumeTaskCreation(userId) {
      try {
        await taskCreation.consume(userId);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const seconds = retryAfter(error);
        throw new RateLimitedError(
          `Too many tasks: at most ${config.taskCreatesPerMinute} a minute per user. Try again in ${seconds} s.`,
          seconds,
        );
      }
    },
    async assertTokenAttemptsAllowed(clientAddress) {
      const state = await tokenFailures.get(clientAddress);
      if (state && state.consumedPoints >= config.tokenFailuresPerMinute) {
        const seconds = retryAfter(state);
        throw new RateLimitedError(`Too many failed API-token attempts from this address. Try again in ${seconds} s.`, seconds);
      }
    },
    async recordTokenFailure(clientAddress) {
      await tokenFailures.penalty(clientAddress, 1);
    },
  };
}
