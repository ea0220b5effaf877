import { splitLinks } from "@/lib/community/user-links";

/**
 * Text someone typed, shown as text: React escapes it, and only http(s) addresses become links
 * (nofollow ugc, no referrer, no opener). Never HTML, never Markdown.
 */
export function UserText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, i) =>
        part.kind === "link" ? (
          <a
            key={i}
            href={part.href}
            rel="nofollow ugc noopener noreferrer"
            className="break-all underline hover:text-accent"
          >
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
