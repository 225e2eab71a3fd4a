// Markdown written by the model (task results), rendered safely with highlighted code. Order
// matters: rehype-sanitize first strips raw HTML, event handlers and script URLs from the
// untrusted input (keeping only `language-*` classes on code), then rehype-highlight adds its own
// `hljs-*` spans to what is left — so highlighting survives and nothing unsafe does.
import type { ComponentProps } from "react";
import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { cx } from "@/components/ui/class-names";

const REHYPE_PLUGINS = [rehypeSanitize, rehypeHighlight];
const REMARK_PLUGINS = [remarkGfm];
type Level = 1 | 2 | 3 | 4 | 5 | 6;
/**
 * The page's one h1 is the task's title and the result sits under an h2 ("Result"), so the
 * result's own headings go two levels down; `md-h<n>` keeps the look of the level written.
 */
const headingBelowResult = (level: Level) => {
  const Tag = `h${Math.min(level + 2, 6) as Level}` as const;
  return function ResultHeading({ node: _node, className, ...props }: ComponentProps<"h1"> & ExtraProps) {
    return <Tag className={cx(`md-h${level}`, className)} {...props} />;
  };
};

// An image the model wrote is a link, not a picture: loading it would tell the image's host that,
// and when, someone read the result (on a share link, anyone), along with whatever its URL carries.
const COMPONENTS: Components = {
  h1: headingBelowResult(1),
  h2: headingBelowResult(2),
  h3: headingBelowResult(3),
  h4: headingBelowResult(4),
  h5: headingBelowResult(5),
  h6: headingBelowResult(6),
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
