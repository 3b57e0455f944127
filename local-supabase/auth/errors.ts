/**
 * GoTrue's error shape. With `X-Supabase-Api-Version: 2024-01-01` (auth-js always sends
 * it) an error is `{ code, message }`; older clients get `{ code: <status>, error_code, msg }`.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, extra?: Record<string, unknown>) =>
  new ApiError(400, code, message, extra);
export const unauthorized = (code: string, message: string) => new ApiError(401, code, message);
export const forbidden = (code: string, message: string) => new ApiError(403, code, message);
export const notFound = (code: string, message: string) => new ApiError(404, code, message);
export const unprocessable = (code: string, message: string, extra?: Record<string, unknown>) =>
  new ApiError(422, code, message, extra);
export const tooManyRequests = (code: string, message: string) => new ApiError(429, code, message);
export const internal = (message: string) => new ApiError(500, "unexpected_failure", message);

export const API_VERSION = "2024-01-01";

/** True when the client asked for the 2024-01-01 error format. */
export function wantsCurrentErrors(header: string | undefined): boolean {
  return typeof header === "string" && /^\d{4}-\d{2}-\d{2}$/.test(header) && header >= API_VERSION;
}

export function errorBody(error: ApiError, current: boolean): Record<string, unknown> {
  if (current) return { code: error.code, message: error.message, ...error.extra };
  return { code: error.status, error_code: error.code, msg: error.message, ...error.extra };
}
