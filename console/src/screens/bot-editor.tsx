import { useEffect, useRef, useState } from "preact/hooks";
import { get, post, put, type Page } from "../api";
import { ApiProblem, indexedErrors } from "../problem";
import type { BotConfig, Medium, PostType } from "../types";
import { Field, Notice, ProblemAlert, Screen } from "../ui";

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

/** The post types that send stored media, and the kinds of medium each takes. */
const MEDIA_KINDS: Partial<Record<PostType, Medium["kind"][]>> = {
  PHOTO: ["PHOTO"],
  VIDEO: ["VIDEO"],
  DOCUMENT: ["DOCUMENT"],
  ANIMATION: ["ANIMATION"],
  ALBUM: ["PHOTO", "VIDEO"],
};
const carriesMedia = (t: PostType) => MEDIA_KINDS[t] !== undefined;
const CHECK_DELAY_MS = 400;

interface Draft {
  groups: string[];
  postType: PostType;
  postText: string;
  mediaIds: number[];
  forwardSource: string;
  postDelay: string;
  cycleDelay: string;
}

function draftOf(c: BotConfig): Draft {
  return {
    groups: c.target_groups.length ? c.target_groups : [""],
    postType: c.post_type,
    postText: c.post_text ?? "",
    mediaIds: c.media_ids ?? [],
    forwardSource: c.forward_source ?? "",
    postDelay: String(c.delay_between_posts_seconds),
    cycleDelay: String(c.delay_between_cycles_seconds),
  };
}

function bodyOf(d: Draft) {
  const number = (s: string) => (s.trim() === "" ? null : Number(s));
  return {
    target_groups: d.groups.filter((g) => g.trim() !== ""),
    post_type: d.postType,
    post_text: d.postType === "TEXT" || carriesMedia(d.postType) ? d.postText : null,
    media_ids: carriesMedia(d.postType) ? d.mediaIds : null,
    forward_source: d.postType === "FORWARD" ? d.forwardSource : null,
    delay_between_posts_seconds: number(d.postDelay),
    delay_between_cycles_seconds: number(d.cycleDelay),
  };
}

/** Field errors name the index among the non-blank groups sent; map them back to the inputs. */
function groupErrors(problem: ApiProblem | null, groups: string[]): Map<number, string> {
  const byIndexSent = indexedErrors(problem, "target_groups");
  const out = new Map<number, string>();
  let sent = 0;
  groups.forEach((g, i) => {
    if (g.trim() === "") return;
    const message = byIndexSent.get(sent++);
    if (message) out.set(i, message);
  });
  return out;
}

/**
 * The bot editor: target groups checked as they are typed by POST /bot/config/check (the API's
 * own rules and messages, nothing saved), a preview of what will be sent, and the delays.
 */
export function BotEditor() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [check, setCheck] = useState<ApiProblem | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [media, setMedia] = useState<Medium[]>([]);
  const edited = useRef(false);

  useEffect(() => {
    get<BotConfig>("/bot/config").then((c) => setDraft(draftOf(c)), (e) => setProblem(e as ApiProblem));
    get<Page<Medium>>("/media?limit=200").then((p) => setMedia(p.items), () => setMedia([]));
  }, []);

  useEffect(() => {
    if (!draft || !edited.current) return;
    let live = true;
    const timer = setTimeout(() => {
      post<BotConfig>("/bot/config/check", bodyOf(draft)).then(
        () => live && setCheck(null),
        (e) => live && setCheck((e as ApiProblem).status === 400 ? (e as ApiProblem) : null),
      );
    }, CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draft]);

  if (!draft) {
    return (
      <Screen title="Bot">
        <ProblemAlert problem={problem} />
        {!problem && <p>Loading…</p>}
      </Screen>
    );
  }

  const change = (next: Partial<Draft>) => {
    edited.current = true;
    setSaved(false);
    setDraft({ ...draft, ...next });
  };
  const errors = problem ?? check;
  const perGroup = groupErrors(errors, draft.groups);
  const textLength = draft.postText.length;
  const mediaPost = carriesMedia(draft.postType);
  const fitting = media.filter((m) => MEDIA_KINDS[draft.postType]?.includes(m.kind));
  const mediaErrors = [errors?.forField("media_ids"), ...indexedErrors(errors, "media_ids").values()].filter(Boolean);
  const toggleMedium = (id: number, on: boolean) =>
    change({ mediaIds: on ? [...draft.mediaIds, id] : draft.mediaIds.filter((x) => x !== id) });

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const stored = await put<BotConfig>("/bot/config", bodyOf(draft));
      setDraft(draftOf(stored));
      setCheck(null);
      edited.current = false;
      setSaved(true);
    } catch (err) {
      setProblem(err as ApiProblem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="Bot">
      <form onSubmit={save} noValidate>
        <ProblemAlert problem={problem} />
        {saved && <Notice>Saved. Groups are stored in their normal form.</Notice>}
        <fieldset class="card">
          <legend>Target groups</legend>
          <p class="hint">@username, a https://t.me/ link or a numeric chat id; checked as you type.</p>
          {errors?.forField("target_groups") && <p class="error">{errors.forField("target_groups")}</p>}
          <ul class="groups">
            {draft.groups.map((g, i) => (
              <li key={i}>
                <Field label={`Group ${i + 1}`} error={perGroup.get(i)}>
                  {(p) => (
                    <input
                      {...p}
                      type="text"
                      name={`group-${i}`}
                      value={g}
                      onInput={(e) => change({ groups: draft.groups.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
                    />
                  )}
                </Field>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Remove group ${i + 1}`}
                  onClick={() => change({ groups: draft.groups.length > 1 ? draft.groups.filter((_, j) => j !== i) : [""] })}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => change({ groups: [...draft.groups, ""] })}>
            Add group
          </button>
        </fieldset>
        <fieldset class="card">
          <legend>Post</legend>
          <Field label="Post type" error={errors?.forField("post_type")}>
            {(p) => (
              <select {...p} name="post_type" value={draft.postType} onChange={(e) => change({ postType: e.currentTarget.value as Draft["postType"] })}>
                <option value="TEXT">Text</option>
                <option value="FORWARD">Forward a message</option>
                <option value="PHOTO">Photo</option>
                <option value="VIDEO">Video</option>
                <option value="DOCUMENT">Document</option>
                <option value="ANIMATION">Animation (GIF)</option>
                <option value="ALBUM">Album (2 to 10 photos and videos)</option>
              </select>
            )}
          </Field>
          {mediaPost ? (
            <>
              <fieldset class="media-picker" data-testid="media-picker">
                <legend>Media</legend>
                {mediaErrors.map((m) => (
                  <p class="error" key={m}>
                    {m}
                  </p>
                ))}
                {fitting.length === 0 && (
                  <p class="hint">
                    No fitting media yet: upload some on the <a href="#/media">Media</a> screen.
                  </p>
                )}
                {fitting.map((m) => (
                  <label key={m.id} class="check">
                    <input
                      type="checkbox"
                      name={`medium-${m.id}`}
                      checked={draft.mediaIds.includes(m.id)}
                      onChange={(e) => toggleMedium(m.id, e.currentTarget.checked)}
                    />
                    #{m.id} {m.kind.toLowerCase()} {m.file_name ?? ""}
                  </label>
                ))}
              </fieldset>
              <Field label="Caption" error={errors?.forField("post_text")} hint={`${textLength} of ${MAX_CAPTION} characters, optional`}>
                {(p) => <textarea {...p} name="post_text" rows={3} value={draft.postText} onInput={(e) => change({ postText: e.currentTarget.value })} />}
              </Field>
            </>
          ) : draft.postType === "TEXT" ? (
            <Field label="Post text" error={errors?.forField("post_text")} hint={`${textLength} of ${MAX_TEXT} characters`}>
              {(p) => <textarea {...p} name="post_text" rows={6} value={draft.postText} onInput={(e) => change({ postText: e.currentTarget.value })} />}
            </Field>
          ) : (
            <Field label="Message to forward" error={errors?.forField("forward_source")} hint="https://t.me/<chat>/<message id>">
              {(p) => <input {...p} type="url" name="forward_source" value={draft.forwardSource} onInput={(e) => change({ forwardSource: e.currentTarget.value })} />}
            </Field>
          )}
          <div class="preview">
            <h2 id="preview-heading">Preview of what will be sent</h2>
            <div class="bubble" data-testid="post-preview">
              {mediaPost
                ? `${draft.postType === "ALBUM" ? `Album of ${draft.mediaIds.length}` : draft.postType.toLowerCase()}${draft.postText ? `: ${draft.postText}` : ""}`
                : draft.postType === "TEXT"
                  ? draft.postText || <span class="muted">Nothing yet: write the post.</span>
                  : `Forwarded from ${draft.forwardSource || "…"}`}
            </div>
            <p class="muted">
              To {draft.groups.filter((g) => g.trim()).length} group(s), sent as plain text exactly as written.
            </p>
          </div>
        </fieldset>
        <fieldset class="card">
          <legend>Delays</legend>
          <Field label="Seconds between posts" error={errors?.forField("delay_between_posts_seconds")}>
            {(p) => <input {...p} type="number" min={0} name="delay_between_posts_seconds" value={draft.postDelay} onInput={(e) => change({ postDelay: e.currentTarget.value })} />}
          </Field>
          <Field label="Seconds between cycles" error={errors?.forField("delay_between_cycles_seconds")}>
            {(p) => <input {...p} type="number" min={0} name="delay_between_cycles_seconds" value={draft.cycleDelay} onInput={(e) => change({ cycleDelay: e.currentTarget.value })} />}
          </Field>
        </fieldset>
        <button type="submit" disabled={busy}>
          Save configuration
        </button>
      </form>
    </Screen>
  );
}
