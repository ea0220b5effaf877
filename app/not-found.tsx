import "./globals.css";

/**
 * A path no language claims (a file that does not exist, say): the pages' own not-found, in the
 * visitor's language, is app/[locale]/not-found.tsx. This one has no layout around it, so it renders
 * the document itself, in both languages.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main className="mx-auto max-w-lg py-16 text-center">
          <p className="font-serif text-6xl text-accent">404</p>
          <h1 className="mt-4 font-serif text-3xl">Page not found</h1>
          <p className="mt-2 text-muted" lang="zh-CN">
            页面不存在
          </p>
          <p className="mt-6">
            {/* No language and no router here: a plain link to the home page, which picks the language. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="underline">
              Atelier
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
