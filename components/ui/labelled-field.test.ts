import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LabelledField, type ControlProps } from "./labelled-field";

const input = (props: ControlProps) => h("input", { ...props, name: "title" });

describe("LabelledField", () => {
  it("labels the control and points it at the hint", () => {
    const html = renderToStaticMarkup(
      h(LabelledField, { id: "f-title", label: "Title", hint: "Shown on the card", children: input }),
    );
    expect(html).toContain('<label for="f-title"');
    expect(html).toContain('<input id="f-title" aria-describedby="f-title-hint" name="title"/>');
    expect(html).toContain('<p id="f-title-hint" class="mt-1 text-xs text-muted">Shown on the card</p>');
    expect(html).not.toContain("aria-invalid");
  });

  it("marks the control invalid and describes it by the error, then the hint", () => {
    const html = renderToStaticMarkup(
      h(LabelledField, {
        id: "f-title",
        label: "Title",
        hint: "Shown on the card",
        error: "Give it a title.",
        children: input,
      }),
    );
    expect(html).toContain(
      '<input id="f-title" aria-invalid="true" aria-describedby="f-title-error f-title-hint" name="title"/>',
    );
    expect(html).toContain('<p id="f-title-error" class="mt-1 text-sm text-accent-dark">Give it a title.</p>');
  });
});
