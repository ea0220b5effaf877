/**
 * One typed error for the app's boundaries. The code names what went wrong and where
 * ("bad_request:checkout"); the HTTP status follows from the first part. Messages shown to people
 * are message-catalogue keys, never database errors.
 */
export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  | "too_large"
  | "unavailable";
export type ErrorCode = `${ErrorType}:${string}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.type = code.split(":")[0] as ErrorType;
    this.status = STATUS[this.type];
  }

  toResponse(): Response {
    return Response.json({ error: this.code, message: this.message }, { status: this.status });
  }
}

/** Route handlers: a known error becomes its status; anything else is logged and becomes a plain 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  console.error(error);
  return Response.json({ error: "internal", message: "Something went wrong" }, { status: 500 });
}
