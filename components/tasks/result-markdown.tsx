// Markdown written by the model (task results), rendered safely with highlighted code. Order
// matters: rehype-sanitize first strips raw HTML, event handlers and script URLs from the
// untrusted input (keeping only `language-*` classes on code), then rehype-highlight adds its own
// `hljs-*` spans to what is left — so highlighting survives and nothing unsafe does.
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

const REHYPE_PLUGINS = [rehypeSanitize, rehypeHighlight];
const REMARK_PLUGINS = [remarkGfm];
// An image the model wrote is a link, not a picture: loading it would tell the image's host that,
// and when, someone read the result (on a share link, anyone), along with whatever its URL carries.
const COMPONENTS: Components = {
  img: ({ src, alt }) => (
    <a href={typeof src === "string" ? src : undefined} rel="noreferrer nofollow" target="_blank">
      {alt ? `Image: ${alt}` : "Image"}
    </a>
  ),
};

export function ResultMarkdown({ markdown }: { markdown: string }) {
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} rehypePlugins={REHYPE_PLUGINS} components={COMPONENTS}>
      {markdown}
    </ReactMarkdown>
  );
}
