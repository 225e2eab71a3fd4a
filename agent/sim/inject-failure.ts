import type { IncomingHttpHeaders } from "node:http";
import { hashText } from "./make-id";
import type { Conversation } from "./read-conversation";
import type { InjectableStatus, SimFailureRule } from "./sim-options";

const INJECTABLE = new Set<number>([429, 500, 529]);
const MARKER = /\[sim:fail=(429|500|529)\]/;

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Failures are counted per key so a retried request (same key) eventually succeeds,
 * which is exactly what exercising the SDK's retry loop needs.
 */
export class FailureInjector {
  readonly #headerFailures = new Map<string, number>();
  readonly #markersFired = new Set<string>();
  readonly #rulesLeft: number[];

  constructor(private readonly rules: SimFailureRule[]) {
    this.#rulesLeft = rules.map((rule) => rule.times ?? 1);
  }

  check(headers: IncomingHttpHeaders, conversation: Conversation): InjectableStatus | undefined {
    return this.#fromHeader(headers, conversation) ?? this.#fromMarker(conversation) ?? this.#fromRules(conversation);
  }

  #fromHeader(headers: IncomingHttpHeaders, conversation: Conversation): InjectableStatus | undefined {
    const status = Number(headerValue(headers, "x-sim-fail"));
    if (!INJECTABLE.has(status)) return undefined;
    const limit = Math.max(0, Number(headerValue(headers, "x-sim-fail-count") ?? 1) || 0);
    const key = `${status}:${headerValue(headers, "x-sim-fail-key") ?? hashText(conversation.firstUserText)}`;
    const failed = this.#headerFailures.get(key) ?? 0;
    if (failed >= limit) return undefined;
    this.#headerFailures.set(key, failed + 1);
    return status as InjectableStatus;
  }

  #fromMarker(conversation: Conversation): InjectableStatus | undefined {
    const match = MARKER.exec(`${conversation.latestUserText}\n${conversation.systemText}`);
    if (!match?.[1]) return undefined;
    const key = hashText(match[0], conversation.firstUserText);
    if (this.#markersFired.has(key)) return undefined;
    this.#markersFired.add(key);
    return Number(match[1]) as InjectableStatus;
  }

  #fromRules(conversation: Conversation): InjectableStatus | undefined {
    const haystack = `${conversation.systemText}\n${conversation.firstUserText}\n${conversation.latestUserText}`;
    for (const [index, rule] of this.rules.entries()) {
      const left = this.#rulesLeft[index] ?? 0;
      if (left <= 0 || (rule.match !== undefined && !haystack.includes(rule.match))) continue;
      this.#rulesLeft[index] = left - 1;
      return rule.status;
    }
    return undefined;
  }
}
