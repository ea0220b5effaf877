import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import GlobalError from "./global-error";

describe("global-error", () => {
  const html = renderToStaticMarkup(h(GlobalError, { error: new Error("db password is hunter2"), retry: () => {} }));

  it("says what the errorPage catalogue entries say, in both languages (it cannot read the catalogues)", () => {
    for (const text of [en.errorPage, zh.errorPage]) {
      for (const key of ["title", "text", "retry", "home"] as const) expect(html).toContain(text[key]);
    }
  });

  it("draws its own document and never the error", () => {
    expect(html).toMatch(/^<html lang="en">.*<body[^>]*>.*<\/body><\/html>$/s);
    expect(html).not.toContain("hunter2");
  });
});
