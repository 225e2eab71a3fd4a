// Account-level limits and agent-only failures the sim answers when prompt text asks for them:
//   [sim:agent-fail=429x2]  the first 2 requests of every acting conversation (one offering the
//                           finish tool: a subtask, not the planner or finalizer) fail with 429
//                           (or 500/529), so retries inside a subtask can be counted;
//   [sim:agent-fail=500x4:step=join]  the same, only for subtasks tagged [step=join] (or
//                           :step=gather, :step=2 for a chain's second step, :item=2): one step
//                           of a plan fails, the others succeed;
//   [sim:agent-drop=1:step=2]  the first answer of each such acting conversation breaks off after
//                           its first event, the connection closed mid-stream, as a network
//                           failure would leave it (targeted like agent-fail);
//   [sim:agent-stream-error=1]  the same, but the answer ends with an overloaded_error event, as
//                           Claude's API ends a streamed answer it cannot finish;
//   [sim:agent-stream-end=1]  the same, but the stream just ends, cleanly, as a proxy that cut the
//                           answer short would leave it;
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

const TARGET = String.raw`(?::(step=(?:join|gather|\d{1,2})|item=\d+))?`;
const AGENT_FAIL = new RegExp(String.raw`\[sim:agent-fail=(429|500|529)x(\d{1,2})${TARGET}\]`);
const STREAM_BREAK = new RegExp(String.raw`\[sim:agent-(drop|stream-error|stream-end)=(\d{1,2})${TARGET}\]`);
const BREAKS = { drop: "connection-lost", "stream-error": "error-event", "stream-end": "ended-early" } as const;
const USAGE_LIMIT = /\[sim:usage-limit=(\d{1,4})(?::[\w-]+)?\]/;
const MESSAGES = {
  429: "Number of request tokens has exceeded your per-minute rate limit (simulated).",
  500: "Internal server error (simulated).",
  529: "Overloaded (simulated).",
} as const;

/** An answer that starts and then ends early: its connection closed, an error event in the stream, or the stream just ending. */
export type StreamBreak = "connection-lost" | "error-event" | "ended-early";

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
    if (fail && this.#oneOfFirst(fail, Number(fail[2]), fail[3], conversation)) {
      const status = Number(fail[1]) as InjectableStatus;
      return { status, message: MESSAGES[status] };
    }
    return undefined;
  }

  /** How this answer is to break off mid-stream, if it is (`[sim:agent-drop=N]` and the others above): only acting conversations, N times each. */
  streamBreak(conversation: Conversation): StreamBreak | null {
    if (!conversation.toolNames.has("finish")) return null;
    const marker = STREAM_BREAK.exec(`${conversation.systemText}\n${conversation.firstUserText}`);
    if (!marker || !this.#oneOfFirst(marker, Number(marker[2]), marker[3], conversation)) return null;
    return BREAKS[marker[1] as keyof typeof BREAKS];
  }

  /** Counts a request of a conversation the marker targets; true for the first `times` of them. */
  #oneOfFirst(marker: RegExpExecArray, times: number, target: string | undefined, conversation: Conversation): boolean {
    // The step's own tag, not the marker quoting it: "[step=join]" never occurs inside the marker.
    if (target && !conversation.firstUserText.includes(`[${target}]`)) return false;
    const key = hashText(marker[0], conversation.firstUserText);
    const counted = this.#agentFailures.get(key) ?? 0;
    if (counted >= times) return false;
    this.#agentFailures.set(key, counted + 1);
    return true;
  }
}
