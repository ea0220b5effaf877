import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonClass } from "./button";

describe("Button", () => {
  it("renders its type, its look and whatever else it is given", () => {
    const html = renderToStaticMarkup(
      h(Button, { type: "submit", name: "choice", value: "analytics", "aria-pressed": true }, "Allow"),
    );
    expect(html).toMatch(
      /^<button type="submit" class="inline-block rounded-full text-center px-4 py-2 text-sm bg-ink text-paper hover:bg-accent disabled:opacity-60"/,
    );
    for (const attribute of ['name="choice"', 'value="analytics"', 'aria-pressed="true"'])
      expect(html).toContain(attribute);
  });

  it("is disabled while its form is pending, and when told so", () => {
    expect(renderToStaticMarkup(h(Button, { type: "submit", pending: true }, "Save"))).toContain('disabled=""');
    expect(renderToStaticMarkup(h(Button, { type: "button", disabled: true }, "+"))).toContain('disabled=""');
    expect(renderToStaticMarkup(h(Button, { type: "button" }, "+"))).not.toContain('disabled=""');
  });

  it("draws a link-like button without a box, and lends its look to links", () => {
    expect(buttonClass({ variant: "link", size: "xs" })).toBe(
      "text-xs text-muted underline hover:text-accent disabled:opacity-60",
    );
    expect(buttonClass({ variant: "nav" })).toBe("text-muted hover:text-ink disabled:opacity-60");
    expect(buttonClass({ variant: "positive", size: "lg", block: true })).toBe(
      "inline-block rounded-full text-center px-6 py-2 bg-moss text-paper hover:bg-ink w-full disabled:opacity-60",
    );
  });
});
