// RFC 9457 problems as the API answers them, turned into what a person reads: the detail, and
// each field's message next to that field. Never a raw JSON dump.

export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail: string,
    readonly errors: FieldError[],
    readonly requestId: string | null,
  ) {
    super(detail || title);
  }

  /** The message for one field (and its indexed children, e.g. target_groups[2]). */
  forField(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** The slug of the problem type: https://herald.dev/problems/plan-expired → plan-expired. */
  get slug(): string {
    return this.type.substring(this.type.lastIndexOf("/") + 1);
  }
}

/** Builds the problem from a response body, whatever the server (or a proxy) answered. */
export function problemOf(status: number, body: unknown, requestId: string | null): ApiProblem {
  if (body && typeof body === "object") {
    const b = body as Record<string, unknown>;
    const errors = Array.isArray(b.errors)
      ? (b.errors as unknown[])
          .filter((e): e is FieldError => !!e && typeof (e as FieldError).field === "string")
          .map((e) => ({ field: e.field, message: String(e.message ?? "") }))
      : [];
    return new ApiProblem(
      status,
      typeof b.type === "string" ? b.type : "about:blank",
      typeof b.title === "string" ? b.title : `HTTP ${status}`,
      typeof b.detail === "string" ? b.detail : "",
      errors,
      typeof b.request_id === "string" ? b.request_id : requestId,
    );
  }
  const title = status >= 500 ? "The server could not answer" : `The request failed (HTTP ${status})`;
  return new ApiProblem(status, "about:blank", title, "Try again in a moment.", [], requestId);
}

/** Field errors under a prefix: target_groups[3] → index 3, for lists of inputs. */
export function indexedErrors(problem: ApiProblem | null, field: string): Map<number, string> {
  const found = new Map<number, string>();
  if (!problem) return found;
  const pattern = new RegExp(`^${field.replace(/[\[\]]/g, "\\$&")}\\[(\\d+)\\]$`);
  for (const e of problem.errors) {
    const m = pattern.exec(e.field);
    if (m) found.set(Number(m[1]), e.message);
  }
  return found;
}
