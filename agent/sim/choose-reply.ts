import type { Reply } from "./api-types";
import type { Conversation } from "./read-conversation";
import { ACTING_TOOLS, replyToActor } from "./reply-to-actor";
import { replyToFinalizer } from "./reply-to-finalizer";
import { replyToPlanner } from "./reply-to-planner";
import { withoutTags } from "./read-markers";

function plainText(conversation: Conversation): Reply {
  const said = withoutTags(conversation.latestUserText).replace(/\s+/g, " ").trim();
  const quote = said.length > 120 ? `${said.slice(0, 119)}…` : said;
  const text = quote
    ? `You said: "${quote}". I'm the simulated Claude, so my answers are canned, but they arrive the same way real ones do. Offer me tools and I'll use them.`
    : "I'm the simulated Claude. There is nothing new to respond to, so I'll stop here.";
  return { blocks: [{ type: "text", text }], stopReason: "end_turn" };
}

/** The offered tool names identify which of Baton's agents is calling. */
export function chooseReply(conversation: Conversation): Reply {
  const tools = conversation.toolNames;
  if (tools.has("submit_plan")) return replyToPlanner(conversation);
  if (tools.has("submit_result")) return replyToFinalizer(conversation);
  if (ACTING_TOOLS.some((name) => tools.has(name))) return replyToActor(conversation);
  return plainText(conversation);
}
