import { describe, expect, it } from "vitest";
import { isDecodableFormReply, isDecodableTextReply } from "./action-reply";

const form = (fields: Record<string, string | Blob>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

describe("isDecodableTextReply", () => {
  it("accepts what encodeReply sends for plain arguments", () => {
    for (const body of [
      '["a",1,true,null]',
      '[{"id":"x","n":"$n12"}]',
      '["$undefined","$D2026-01-01T00:00:00.000Z","$$dollar"]',
      "[]",
    ])
      expect(isDecodableTextReply(body), body).toBe(true);
  });
  it("refuses non-JSON and references to chunks a text body cannot have", () => {
    for (const body of [
      "{not json",
      "",
      '"[1,2"',
      '{"a":1}',
      "null",
      '["$@1"]',
      '["$Q2"]',
      '[{"a":"$1"}]',
      '["$h3"]',
      '["$B4"]',
      '["$Zzz"]',
    ])
      expect(isDecodableTextReply(body), body).toBe(false);
  });
});

describe("isDecodableFormReply", () => {
  it("accepts a form action's body: state, then a FormData argument", () => {
    expect(
      isDecodableFormReply(form({ "0": '["$undefined","$K1"]', "1_title": "Ink", "1_file": new Blob(["x"]) })),
    ).toBe(true);
    expect(isDecodableFormReply(form({ "0": '["$Q1"]', "1": '[["a",1]]' }))).toBe(true);
    expect(isDecodableFormReply(form({ "0": '["$B1"]', "1": new Blob(["x"]) }))).toBe(true);
  });
  it("refuses a missing root, a root that is not JSON, and dangling or broken references", () => {
    expect(isDecodableFormReply(form({ a: "1" }))).toBe(false);
    expect(isDecodableFormReply(form({ "0": "{" }))).toBe(false);
    expect(isDecodableFormReply(form({ "0": '{"a":1}' }))).toBe(false);
    expect(isDecodableFormReply(form({ "0": '["$@1"]' }))).toBe(false);
    expect(isDecodableFormReply(form({ "0": '["$1"]', "1": '["$2"]' }))).toBe(false);
    expect(isDecodableFormReply(form({ "0": '["$1"]', "1": "not json" }))).toBe(false);
  });
  it("terminates on a cycle of references", () => {
    expect(isDecodableFormReply(form({ "0": '["$1"]', "1": '["$0"]' }))).toBe(true);
  });
});
