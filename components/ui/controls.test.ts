import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormMessage } from "./form-message";
import { Input, Select, Textarea } from "./controls";
import { LabelledField, type ControlProps } from "./labelled-field";

describe("Input, Select, Textarea", () => {
  it("share one look, marked when invalid, with the caller's extra classes after it", () => {
    const look =
      "rounded border border-line bg-white aria-invalid:border-accent aria-invalid:ring-1 aria-invalid:ring-accent";
    expect(renderToStaticMarkup(h(Input, { name: "card", className: "font-mono" }))).toBe(
      `<input class="${look} px-3 py-2 w-full font-mono" name="card"/>`,
    );
    expect(renderToStaticMarkup(h(Select, { name: "sort", compact: true }))).toBe(
      `<select class="${look} px-2 py-1.5 text-sm w-full" name="sort"></select>`,
    );
    expect(renderToStaticMarkup(h(Textarea, { name: "body", fullWidth: false }))).toBe(
      `<textarea class="${look} px-3 py-2" name="body"></textarea>`,
    );
  });

  it("are wired to their label, hint and error by LabelledField", () => {
    const html = renderToStaticMarkup(
      h(LabelledField, {
        id: "card",
        label: "Card number",
        hint: "Test cards: 4242…",
        error: "Check the card number.",
        children: (control: ControlProps) => h(Input, { ...control, name: "card" }),
      }),
    );
    expect(html).toMatch(/^<div><label for="card" class="mb-1 block text-sm font-medium">Card number<\/label><input /);
    expect(html).toContain('id="card" aria-invalid="true" aria-describedby="card-error card-hint" name="card"/>');
    expect(html).not.toContain("role=");
  });

  it("can hide the label visually and announce the error at once", () => {
    const html = renderToStaticMarkup(
      h(LabelledField, {
        id: "comment",
        label: "Ask a question",
        hideLabel: true,
        announceError: true,
        error: "Write something first.",
        children: (control: ControlProps) => h(Textarea, { ...control, name: "body" }),
      }),
    );
    expect(html).toContain('<label for="comment" class="sr-only">Ask a question</label>');
    expect(html).toContain('<p id="comment-error" role="alert" class="mt-1 text-sm text-accent-dark">');
  });
});

describe("FormMessage", () => {
  it("is a polite status for success and an alert for errors", () => {
    expect(renderToStaticMarkup(h(FormMessage, { tone: "success" }, "Saved."))).toBe(
      '<p role="status" aria-live="polite" class="text-sm text-moss">Saved.</p>',
    );
    expect(renderToStaticMarkup(h(FormMessage, { tone: "error", boxed: true }, "No."))).toBe(
      '<p role="alert" class="rounded border px-3 py-2 border-accent/40 bg-accent/5 text-sm text-accent-dark">No.</p>',
    );
    expect(
      renderToStaticMarkup(h(FormMessage, { tone: "error", as: "span", size: "xs", className: "ml-2" }, "!")),
    ).toBe('<span role="alert" class="text-xs text-accent-dark ml-2">!</span>');
  });

  it("keeps an empty live region in the page, so a later message is announced", () => {
    expect(renderToStaticMarkup(h(FormMessage, { tone: "success" }, null))).toBe(
      '<p role="status" aria-live="polite" class="text-sm text-moss"></p>',
    );
  });
});
