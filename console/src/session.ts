// The signed-in session: the token lives in sessionStorage (one tab, gone when it closes), never in
// localStorage. Its role and expiry are read from the JWT's payload only to choose screens; the
// server checks every request itself.

const KEY = "herald.token";

export type Role = "USER" | "ADMIN" | "OWNER";

export interface Session {
  token: string;
  role: Role;
  expiresAt: number; // epoch ms
}

export function decodePayload(token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  try {
    const base64 = parts[1].replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    return JSON.parse(atob(padded)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export function sessionOf(token: string, expiresInSeconds: number, now = Date.now()): Session {
  const payload = decodePayload(token) ?? {};
  const groups = Array.isArray(payload.groups) ? (payload.groups as string[]) : [];
  const role: Role = groups.includes("OWNER") ? "OWNER" : groups.includes("ADMIN") ? "ADMIN" : "USER";
  const exp = typeof payload.exp === "number" ? payload.exp * 1000 : now + expiresInSeconds * 1000;
  return { token, role, expiresAt: exp };
}

export function isAdmin(session: Session | null): boolean {
  return session !== null && session.role !== "USER";
}

/** The tab's session; an expired one is removed and reported, so sign-in can say why. */
export function loadSession(now = Date.now()): { session: Session | null; expired: boolean } {
  const token = sessionStorage.getItem(KEY);
  if (!token) return { session: null, expired: false };
  const session = sessionOf(token, 0, now);
  if (session.expiresAt > now) return { session, expired: false };
  sessionStorage.removeItem(KEY);
  return { session: null, expired: true };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
