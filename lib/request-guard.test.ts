import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, MAX_PATH_LENGTH, refuseHostile, withoutForeignCallbackCookie } from "./request-guard";

const SITE = "atelier.example";
const req = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) => {
  const request = new Request(`http://localhost:3000${path.startsWith("/") ? path : "/"}`, init);
  return refuseHostile(request, path, SITE);
};
const action = (body: BodyInit, headers: Record<string, string>) =>
  req("/courses", { method: "POST", body, headers: { host: "localhost:3000", "next-action": "7f00", ...headers } });
const status = async (p: Promise<Response | null>) => (await p)?.status ?? "passed";

describe("refuseHostile", () => {
  it("lets ordinary requests through", async () => {
    expect(await status(req("/courses/ink-basics"))).toBe("passed");
    expect(await status(req("/api/auth/signin?callbackUrl=%2Faccount"))).toBe("passed");
    expect(await status(req("/api/auth/signin?callbackUrl=https%3A%2F%2Fatelier.example%2Faccount"))).toBe("passed");
    expect(await status(req("/", { headers: { "x-forwarded-proto": "https, http" } }))).toBe("passed");
    expect(
      await status(
        action('["$K1",{"a":1}]', {
          "content-type": "text/plain;charset=UTF-8",
          origin: "http://localhost:3000",
          "content-length": "18",
        }),
      ),
    ).toBe("passed");
    const form = new FormData();
    form.set("title", "x");
    expect(
      await status(
        req("/studio", {
          method: "POST",
          body: form,
          headers: { host: "localhost:3000", origin: "https://atelier.example", "content-length": "200" },
        }),
      ),
    ).toBe("passed");
  });

  it("answers 405 to TRACE and unknown methods", async () => {
    // undici's Request refuses to be built with TRACE: a stand-in with the fields the guard reads.
    for (const method of ["TRACE", "PROPFIND", "FOO"]) {
      const res = await refuseHostile(
        { method, headers: new Headers(), url: "http://localhost:3000/" } as Request,
        "/",
        SITE,
      );
      expect(res?.status, method).toBe(405);
      expect(res?.headers.get("allow")).toContain("GET");
    }
  });

  it("answers 400 to broken percent-encoding and 404 to a NUL, on any path", async () => {
    for (const path of [
      "/courses/%E0%A4",
      "/api/reco/%ZZ",
      "/img/course/%C3.svg",
      "/uploads/works/%E2%82.webp",
      "/x%E0.js",
    ])
      expect(await status(req(path)), path).toBe(400);
    for (const path of ["/courses/a%00b", "/img/course/x%00.svg"]) expect(await status(req(path)), path).toBe(404);
  });

  it("answers 414 to a path longer than any page's, whatever its query", async () => {
    expect(await status(req(`/courses/${"x".repeat(MAX_PATH_LENGTH)}`))).toBe(414);
    expect(await status(req(`/${"x".repeat(MAX_PATH_LENGTH - 1)}`))).toBe("passed");
    const longSearch = new Request(`http://localhost:3000/search?q=${"ink+".repeat(1000)}`);
    expect(await status(refuseHostile(longSearch, new URL(longSearch.url).pathname, SITE))).toBe("passed");
  });

  it("answers 400 to a garbage X-Forwarded-Proto", async () => {
    for (const proto of ["gopher", "https://", "%", "http;https"])
      expect(await status(req("/", { headers: { "x-forwarded-proto": proto } })), proto).toBe(400);
  });

  it("answers 400 to an Auth.js callbackUrl off this site", async () => {
    for (const cb of [
      "javascript:alert(1)",
      "//evil.example/",
      "https://evil.example/",
      "/\\evil.example",
      "data:text/html,x",
    ]) {
      expect(await status(req(`/api/auth/signin?callbackUrl=${encodeURIComponent(cb)}`)), cb).toBe(400);
    }
  });

  it("refuses malformed server-action posts with the right 4xx", async () => {
    const text = { "content-type": "text/plain;charset=UTF-8" };
    expect(await status(action("[]", { ...text, origin: "https://evil.example", "content-length": "2" }))).toBe(403);
    expect(await status(action("[]", { ...text, origin: "null", "content-length": "2" }))).toBe(403);
    expect(await status(action("[]", { ...text, origin: "not a url", "content-length": "2" }))).toBe(403);
    expect(await status(action("[]", { ...text, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) }))).toBe(413);
    expect(await status(action("{not json", { ...text, "content-length": "9" }))).toBe(400);
    expect(
      await status(
        action('--x\r\ncontent-disposition: form-data; name="a"\r\n\r\nvalue', {
          "content-type": "multipart/form-data; boundary=x",
          "content-length": "60",
        }),
      ),
    ).toBe(400);
  });
});

describe("withoutForeignCallbackCookie", () => {
  const request = new Request("http://localhost:3000/api/auth/session", { headers: { host: "localhost:3000" } });
  it("drops an Auth.js callback-url cookie that points off this site, keeping the others", () => {
    expect(withoutForeignCallbackCookie("a=1; authjs.callback-url=javascript%3Aalert(1); b=2", request, SITE)).toBe(
      "a=1; b=2",
    );
    expect(withoutForeignCallbackCookie("__Secure-authjs.callback-url=https%3A%2F%2Fevil.example", request, SITE)).toBe(
      "",
    );
  });
  it("leaves a same-site callback and other cookies alone", () => {
    expect(withoutForeignCallbackCookie("authjs.callback-url=%2Faccount; a=1", request, SITE)).toBeNull();
    expect(
      withoutForeignCallbackCookie("authjs.callback-url=http%3A%2F%2Flocalhost%3A3000%2F", request, SITE),
    ).toBeNull();
    expect(withoutForeignCallbackCookie(null, request, SITE)).toBeNull();
  });
});
