import type { ApiProblem } from "../problem";
import { Field } from "../ui";

export interface PlanDraft {
  status: string;
  expiresAt: string; // yyyy-mm-dd or empty
  maxSessions: string;
  maxGroups: string;
  /** The largest media file, in MB (the API takes bytes). */
  maxMediaMb?: string;
  maxMediaCount?: string;
  maxPostsPerBot?: string;
  /** Buttons per post; "0" is a plan without buttons. */
  maxButtons?: string;
}

export const EMPTY_PLAN: PlanDraft = { status: "ACTIVE", expiresAt: "", maxSessions: "", maxGroups: "", maxMediaMb: "", maxMediaCount: "", maxPostsPerBot: "", maxButtons: "" };

const MB = 1024 * 1024;

/** The media limits of a stored plan as the form shows them (MB, count). */
export function mediaDraft(limits: { max_media_bytes?: number; max_media_count?: number } | null | undefined) {
  return {
    maxMediaMb: limits?.max_media_bytes ? String(Math.round((limits.max_media_bytes / MB) * 100) / 100) : "",
    maxMediaCount: String(limits?.max_media_count ?? ""),
  };
}

/** The content limits of a stored plan as the form shows them (posts per bot, buttons per post). */
export function contentDraft(limits: { max_posts_per_bot?: number; max_buttons?: number } | null | undefined) {
  return {
    maxPostsPerBot: String(limits?.max_posts_per_bot ?? ""),
    maxButtons: String(limits?.max_buttons ?? ""),
  };
}

/** The plan as the API takes it; omitted limits take the server's defaults. */
export function planBody(d: PlanDraft) {
  const limits: Record<string, number> = {};
  if (d.maxSessions) limits.max_sessions = Number(d.maxSessions);
  if (d.maxGroups) limits.max_groups = Number(d.maxGroups);
  if (d.maxMediaMb) limits.max_media_bytes = Math.round(Number(d.maxMediaMb) * MB);
  if (d.maxMediaCount) limits.max_media_count = Number(d.maxMediaCount);
  if (d.maxPostsPerBot) limits.max_posts_per_bot = Number(d.maxPostsPerBot);
  if (d.maxButtons) limits.max_buttons = Number(d.maxButtons);
  return {
    status: d.status,
    expires_at: d.expiresAt ? new Date(`${d.expiresAt}T23:59:59Z`).toISOString() : null,
    limits,
  };
}

/** Plan inputs shared by new accounts, plan changes and access codes; errors under `prefix`. */
export function PlanFields({ draft, onChange, problem, prefix }: { draft: PlanDraft; onChange: (d: PlanDraft) => void; problem: ApiProblem | null; prefix: string }) {
  const err = (f: string) => problem?.forField(prefix + f);
  return (
    <fieldset>
      <legend>Plan</legend>
      <Field label="Plan status" error={err("status")}>
        {(p) => (
          <select {...p} value={draft.status} onChange={(e) => onChange({ ...draft, status: e.currentTarget.value })}>
            <option value="ACTIVE">Active</option>
            <option value="TRIAL">Trial</option>
            <option value="INACTIVE">Inactive</option>
          </select>
        )}
      </Field>
      <Field label="Expires on (empty: never)" error={err("expires_at")}>
        {(p) => <input {...p} type="date" value={draft.expiresAt} onInput={(e) => onChange({ ...draft, expiresAt: e.currentTarget.value })} />}
      </Field>
      <Field label="Max sessions" error={err("limits")}>
        {(p) => <input {...p} type="number" min={0} value={draft.maxSessions} onInput={(e) => onChange({ ...draft, maxSessions: e.currentTarget.value })} />}
      </Field>
      <Field label="Max groups">
        {(p) => <input {...p} type="number" min={0} value={draft.maxGroups} onInput={(e) => onChange({ ...draft, maxGroups: e.currentTarget.value })} />}
      </Field>
      <Field label="Max media file size (MB)" hint="At most 50 MB; empty: 10 MB">
        {(p) => <input {...p} type="number" min={0} step="0.1" value={draft.maxMediaMb ?? ""} onInput={(e) => onChange({ ...draft, maxMediaMb: e.currentTarget.value })} />}
      </Field>
      <Field label="Max media files" hint="Empty: 100">
        {(p) => <input {...p} type="number" min={0} value={draft.maxMediaCount ?? ""} onInput={(e) => onChange({ ...draft, maxMediaCount: e.currentTarget.value })} />}
      </Field>
      <Field label="Max posts per bot" hint="At most 100; empty: 10">
        {(p) => <input {...p} type="number" min={1} value={draft.maxPostsPerBot ?? ""} onInput={(e) => onChange({ ...draft, maxPostsPerBot: e.currentTarget.value })} />}
      </Field>
      <Field label="Max buttons per post" hint="0: no buttons; at most 100; empty: 12">
        {(p) => <input {...p} type="number" min={0} value={draft.maxButtons ?? ""} onInput={(e) => onChange({ ...draft, maxButtons: e.currentTarget.value })} />}
      </Field>
    </fieldset>
  );
}
