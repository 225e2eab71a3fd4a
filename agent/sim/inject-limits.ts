// Account-level limits and agent-only failures the sim answers when prompt text asks for them:
//   [sim:agent-fail=429x2]  the first 2 requests of every acting conversation (one offering the
//                           finish tool: a subtask, not the planner or finalizer) fail with 429
//                           (or 500/529), so retries inside a subtask can be counted;
//   [sim:agent-fail=500x4:step=join]  the same, only for subtasks tagged [step=join] (or
//                           :step=gather, :item=2): one step of a plan fails, the others succeed;
//   [sim:usage-limit=3]     one 429 "usage window" answer for the whole sim per distinct marker,
//                           with retry-after and anthropic-ratelimit-*-reset 3 s ahead;
//   [sim:spend-limit]       every acting request fails with a spend-limit 429.
import { hashText } from "./make-id";
import type { Conversation } from "./read-conversation";
import type { InjectableStatus } from "./sim-options";

export interface InjectedLimit {
  status: InjectableStatus;
  message: string;
  /** Omitted: the sim's configured retry-after. */
  retryAfterMs?: number;
  headers?: Record<string, string>;
}

const AGENT_FAIL = /\[sim:agent-fail=(429|500|529)x(\d{1,2})(?::(step=(?:join|gather)|item=\d+))?\]/;
const USAGE_LIMIT = /\[sim:usage-limit=(\d{1,4})(?::[\w-]+)?\]/;
const MESSAGES = {
  429: "Number of request tokens has exceeded your per-minute rate limit (simulated).",
  500: "Internal server error (simulated).",
  529: "Overloaded (simulated).",
} as const;

export class LimitInjector {
  readonly #agentFailures = new Map<string, number>();
  readonly #usageLimitsFired = new Set<string>();

  check(conversation: Conversation, now = Date.now()): InjectedLimit | undefined {
    const text = `${conversation.systemText}\n${conversation.firstUserText}`;
    const acting = conversation.toolNames.has("finish");

    const usage = USAGE_LIMIT.exec(text);
    if (usage?.[1] && !this.#usageLimitsFired.has(usage[0])) {
      this.#usageLimitsFired.add(usage[0]);
      const waitMs = Number(usage[1]) * 1000;
      const reset = new Date(now + waitMs).toISOString();
      return {
        status: 429,
        message: `This organization's usage window is exhausted; it resets at ${reset} (simulated).`,
        retryAfterMs: waitMs,
        headers: { "anthropic-ratelimit-tokens-remaining": "0", "anthropic-ratelimit-tokens-reset": reset },
      };
    }
    if (!acting) return undefined;
    if (text.includes("[sim:spend-limit]")) {
      return { status: 429, message: "Your organization has reached its monthly spend limit (simulated). Raise it in the Console under Billing." };
    }
    const fail = AGENT_FAIL.exec(text);
    // The step's own tag, not the marker quoting it: "[step=join]" never occurs inside the marker.
    const targeted = !fail?.[3] || conversation.firstUserText.includes(`[${fail[3]}]`);
    if (fail?.[1] && fail[2] && targeted) {
      const key = hashText(fail[0], conversation.firstUserText);
      const failed = this.#agentFailures.get(key) ?? 0;
      if (failed >= Number(fail[2])) return undefined;
      this.#agentFailures.set(key, failed + 1);
      const status = Number(fail[1]) as InjectableStatus;
      return { status, message: MESSAGES[status] };
    }
    return undefined;
  }
}
