"use client";

import { Button } from "@/components/ui/button";
import "./globals.css";

/**
 * The last resort, shown when the root layout itself fails: it replaces that layout, so it draws its
 * own document and has no translation provider (the provider lives in the layout that just failed).
 * It says the same thing in both languages instead; the text is the `errorPage` catalogue entries, and
 * app/global-error.test.ts keeps the two in step. Client-side code only: no message or stack is shown.
 */
const TEXT = {
  en: {
    title: "Something went wrong",
    text: "This page could not be shown just now. Try again, or come back in a moment.",
    retry: "Try again",
    home: "Go to the home page",
  },
  zh: {
    title: "出了点问题",
    text: "这个页面暂时无法显示。请重试，或稍后再来。",
    retry: "重试",
    home: "返回首页",
  },
} as const;

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <title>{`${TEXT.en.title} · ${TEXT.zh.title}`}</title>
        <main className="mx-auto max-w-lg px-4 py-16 text-center">
          <p className="font-serif text-2xl">Atelier</p>
          <h1 className="mt-8 font-serif text-3xl">{TEXT.en.title}</h1>
          <p className="mt-2 text-muted">{TEXT.en.text}</p>
          <p lang="zh-CN" className="mt-6 font-serif text-3xl">
            {TEXT.zh.title}
          </p>
          <p lang="zh-CN" className="mt-2 text-muted">
            {TEXT.zh.text}
          </p>
          <div className="mt-8 flex items-center justify-center gap-4">
            <Button type="button" onClick={() => retry()}>
              {TEXT.en.retry} · <span lang="zh-CN">{TEXT.zh.retry}</span>
            </Button>
            {/* A full page load, not a client navigation: the root layout the router would reuse is what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="underline">
              {TEXT.en.home} · <span lang="zh-CN">{TEXT.zh.home}</span>
            </a>
          </div>
        </main>
      </body>
    </html>
  );
}
