// Markdown written by the model (task results), rendered safely with highlighted code. Order
// matters: rehype-sanitize first strips raw HTML, event handlers and script URLs from the
// untrusted input (keeping only `language-*` classes on code), then rehype-highlight adds its own
// `hljs-*` spans to what is left — so highlighting survives and nothing unsafe does.
import ReactMarkdown from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

const REHYPE_PLUGINS = [rehypeSanitize, rehypeHighlight];
const REMARK_PLUGINS = [remarkGfm];

export function ResultMarkdown({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS}>
      {markdown}
    </ReactMarkdown>
  );
}
