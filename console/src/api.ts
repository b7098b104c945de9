// The only way the console talks to Herald: same-origin requests to /api/v1 with the bearer token.
// A 401 on a signed-in request means the token expired or was revoked: the app returns to sign-in.

import { ApiProblem, problemOf } from "./problem";

export const API = "/api/v1";

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

type Listener = () => void;

let token: string | null = null;
let onUnauthorized: Listener = () => {};

export function useToken(value: string | null): void {
  token = value;
}

export function currentToken(): string | null {
  return token;
}

export function whenUnauthorized(listener: Listener): void {
  onUnauthorized = listener;
}

/** Called by the event stream too, so every 401 takes the same way back to sign-in. */
export function unauthorized(): void {
  onUnauthorized();
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // A FormData body (a media upload) goes as multipart; the browser sets its boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["Content-Type"] = "application/json";
  const signedIn = token !== null;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(API + path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch {
    throw new ApiProblem(0, "about:blank", "Herald cannot be reached", "Check the connection and try again.", [], null);
  }
  const requestId = response.headers.get("X-Request-Id");
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    if (response.status === 401 && signedIn) unauthorized();
    throw problemOf(response.status, json, requestId);
  }
  return json as T;
}

export const get = <T>(path: string) => call<T>("GET", path);
export const post = <T>(path: string, body: unknown = undefined) => call<T>("POST", path, body);
export const put = <T>(path: string, body: unknown) => call<T>("PUT", path, body);
export const del = <T>(path: string) => call<T>("DELETE", path);

/** A list page: `cursor` is the previous page's next_cursor, absent for the first page. */
export function page<T>(path: string, cursor: string | null, limit = 20, query: Record<string, string> = {}): Promise<Page<T>> {
  const params = new URLSearchParams({ ...query, limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  return get<Page<T>>(`${path}?${params}`);
}
