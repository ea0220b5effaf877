import Markdown from "react-markdown";

/**
 * Lesson Markdown rendered without raw HTML: `skipHtml` drops any HTML in the source and the default
 * URL transform neutralises javascript: and other unsafe links, so a creator's text cannot script the page.
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
          // Lessons are headed by the page's h1; keep the document outline below it.
          h1: ({ children }) => <h2>{children}</h2>,
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
