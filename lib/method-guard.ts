import http from "node:http";

/**
 * Methods the WHATWG Request constructor refuses to build ("'TRACE' HTTP method is unsupported"):
 * Next builds one for the proxy before any code of ours runs, so such a request ends as a 500. Node's
 * own parser already answers invented methods with a 400; these few are valid HTTP it lets through.
 */
const FORBIDDEN_METHODS = new Set(["TRACE", "TRACK"]);

let installed = false;

/**
 * Answers TRACE/TRACK with 405 at the HTTP server, in front of Next. Done by wrapping the servers'
 * "request" event, the one place every request passes before the framework; idempotent.
 */
export function refuseForbiddenMethods(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (req.method && FORBIDDEN_METHODS.has(req.method)) {
        res.writeHead(405, {
          allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
          "content-type": "text/plain; charset=utf-8",
        });
        res.end("Method not allowed\n");
        return true;
      }
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as typeof emit;
}
