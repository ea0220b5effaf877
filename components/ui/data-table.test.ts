import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataRow, DataTable } from "./data-table";

describe("DataTable", () => {
  it("names the table with a caption, scopes column headers, right-aligns numeric ones and scrolls in its own box", () => {
    const row = h(DataRow, { id: "row-a" }, h("td", null, "Ink"), h("td", { className: "text-right" }, "4"));
    const columns = [{ label: "Item" }, { label: "Amount", numeric: true, className: "pl-4" }];
    const html = renderToStaticMarkup(
      h(DataTable, { caption: "Sales", className: "bg-white", columns, children: row }),
    );
    expect(html).toBe(
      '<div class="relative overflow-x-auto"><table class="w-full border-collapse text-sm bg-white"><caption class="sr-only">Sales</caption>' +
        '<thead><tr class="border-b border-line text-left text-muted"><th scope="col">Item</th><th scope="col" class="text-right pl-4">Amount</th></tr></thead>' +
        '<tbody><tr class="border-b border-line" id="row-a"><td>Ink</td><td class="text-right">4</td></tr></tbody></table></div>',
    );
  });

  it("can be named by a visible heading instead of a caption", () => {
    const html = renderToStaticMarkup(
      h(DataTable, { labelledBy: "budget-title", columns: [{ label: "Channel" }], children: null }),
    );
    expect(html).toContain('<table class="w-full border-collapse text-sm" aria-labelledby="budget-title"><thead>');
    expect(html).not.toContain("<caption");
  });
});
