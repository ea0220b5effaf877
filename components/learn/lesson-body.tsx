import Markdown from "react-markdown";
import { MarkdownImage } from "@/components/ui/markdown-image";

/**
 * Lesson Markdown rendered without raw HTML: `skipHtml` drops any HTML in the source and the default
 * URL transform neutralises javascript: and other unsafe links, so a creator's text cannot script the page.
 * Images load from this site only (MarkdownImage): a foreign one would be a tracking pixel.
 */
export function LessonBody({ markdown }: { markdown: string }) {
  return (
    <div className="prose-lesson max-w-none">
      <Markdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow" className="text-accent underline">
              {children}
            </a>
          ),
          img: ({ src, alt }) => <MarkdownImage src={src} alt={alt} />,
          // Lessons are headed by the page's h1; keep the document outline below it.
          h1: ({ children }) => <h2>{children}</h2>,
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
