import { useEffect, useRef, useState } from "preact/hooks";
import { get, post, put, type Page } from "../api";
import { ApiProblem, indexedErrors } from "../problem";
import type { BotConfig, BotPost, Medium, PostType, PreviewSample, TextFormat, UrlButton } from "../types";
import { Field, Notice, ProblemAlert, Screen } from "../ui";
import { FormattedText } from "./formatted-text";

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
/** The plans' ceiling for max_posts_per_bot; the live check reports the tenant's own plan limit. */
const MAX_POSTS = 100;
const CHECK_DELAY_MS = 400;
const PREVIEW_SAMPLES = 5;

interface PostDraft {
  type: PostType;
  text: string;
  mediaIds: number[];
  format: TextFormat;
  forwardSource: string;
  buttons: UrlButton[];
}

interface Draft {
  groups: string[];
  posts: PostDraft[];
  rotation: "IN_ORDER" | "RANDOM";
  dropButtons: boolean;
  postDelay: string;
  cycleDelay: string;
  jitter: string;
  timeZone: string;
  activeHours: string;
  groupInterval: string;
}

function postDraftOf(p: BotPost): PostDraft {
  return {
    type: p.type,
    text: p.text ?? "",
    mediaIds: p.media_ids ?? [],
    format: p.format,
    forwardSource: p.forward_source ?? "",
    // The editor keeps one button per row: the common case, and rows stay readable on a phone.
    buttons: p.buttons.flat(),
  };
}

function draftOf(c: BotConfig): Draft {
  return {
    groups: c.target_groups.length ? c.target_groups : [""],
    posts: c.posts.map(postDraftOf),
    rotation: c.rotation,
    dropButtons: c.sessions_drop_buttons,
    postDelay: String(c.delay_between_posts_seconds),
    cycleDelay: String(c.delay_between_cycles_seconds),
    jitter: String(c.schedule?.jitter_percent ?? 0),
    timeZone: c.schedule?.time_zone ?? "UTC",
    activeHours: c.schedule?.active_hours ?? "",
    groupInterval: String(c.schedule?.min_group_interval_minutes ?? 0),
  };
}

function bodyOf(d: Draft) {
  const number = (s: string) => (s.trim() === "" ? null : Number(s));
  return {
    target_groups: d.groups.filter((g) => g.trim() !== ""),
    posts: d.posts.map((p) => ({
      type: p.type,
      text: p.type === "TEXT" || carriesMedia(p.type) ? p.text : null,
      format: p.format,
      media_ids: carriesMedia(p.type) ? p.mediaIds : null,
      forward_source: p.type === "FORWARD" ? p.forwardSource : null,
      buttons: p.type === "TEXT" ? p.buttons.map((b) => [b]) : [],
    })),
    rotation: d.rotation,
    sessions_drop_buttons: d.dropButtons,
    delay_between_posts_seconds: number(d.postDelay),
    delay_between_cycles_seconds: number(d.cycleDelay),
    schedule: {
      jitter_percent: number(d.jitter),
      time_zone: d.timeZone.trim() === "" ? null : d.timeZone.trim(),
      active_hours: d.activeHours,
      min_group_interval_minutes: number(d.groupInterval),
    },
  };
}

const EMPTY_POST: PostDraft = { type: "TEXT", text: "", mediaIds: [], format: "PLAIN", forwardSource: "", buttons: [] };

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

const FORMAT_HINTS: Record<TextFormat, string> = {
  PLAIN: "Sent exactly as written.",
  MARKDOWN: "Telegram MarkdownV2: *bold* _italic_ [link](https://…); escape . ! - ( ) with \\.",
  HTML: "Telegram HTML: <b>, <i>, <u>, <s>, <code>, <a href=\"…\">.",
};

interface PostEditorProps {
  index: number;
  post: PostDraft;
  errors: ApiProblem | null;
  media: Medium[];
  onChange: (next: Partial<PostDraft>) => void;
  onRemove: (() => void) | null;
}

/** A media post's media: one checkbox per stored medium of a kind its type takes. */
function MediaPicker({ index, post, errors, media, onChange }: Omit<PostEditorProps, "onRemove">) {
  const at = `posts[${index}].media_ids`;
  const fitting = media.filter((m) => MEDIA_KINDS[post.type]?.includes(m.kind));
  const flat = index === 0 ? [errors?.forField("media_ids"), ...indexedErrors(errors, "media_ids").values()] : [];
  const messages = [errors?.forField(at), ...indexedErrors(errors, at).values(), ...flat].filter(Boolean);
  const toggle = (id: number, on: boolean) => onChange({ mediaIds: on ? [...post.mediaIds, id] : post.mediaIds.filter((x) => x !== id) });
  return (
    <fieldset class="media-picker" data-testid="media-picker">
      <legend>Post {index + 1} media</legend>
      {messages.map((m) => (
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
          <input type="checkbox" name={`medium-${m.id}`} checked={post.mediaIds.includes(m.id)} onChange={(e) => toggle(m.id, e.currentTarget.checked)} />#{m.id} {m.kind.toLowerCase()} {m.file_name ?? ""}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * One post: its type, text with format and variants (or the message to forward, or the media with
 * their caption), its buttons.
 */
function PostEditor({ index, post, errors, media, onChange, onRemove }: PostEditorProps) {
  const n = index + 1;
  const at = `posts[${index}]`;
  const error = (field: string) => errors?.forField(`${at}.${field}`) ?? (index === 0 ? errors?.forField(`post_${field}`) : undefined);
  // A text's format and a caption's: the same choice.
  const formatField = (
    <Field label={`Post ${n} format`} error={error("format")} hint={FORMAT_HINTS[post.format]}>
      {(p) => (
        <select {...p} name={`${at}.format`} value={post.format} onChange={(e) => onChange({ format: e.currentTarget.value as TextFormat })}>
          <option value="PLAIN">Plain text</option>
          <option value="MARKDOWN">Markdown (MarkdownV2)</option>
          <option value="HTML">HTML</option>
        </select>
      )}
    </Field>
  );
  const setButton = (i: number, next: Partial<UrlButton>) =>
    onChange({ buttons: post.buttons.map((b, j) => (j === i ? { ...b, ...next } : b)) });
  return (
    <fieldset class="card post">
      <legend>Post {n}</legend>
      <Field label={`Post ${n} type`} error={error("type")}>
        {(p) => (
          <select {...p} name={`${at}.type`} value={post.type} onChange={(e) => onChange({ type: e.currentTarget.value as PostDraft["type"] })}>
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
      {carriesMedia(post.type) ? (
        <>
          <MediaPicker index={index} post={post} errors={errors} media={media} onChange={onChange} />
          {formatField}
          <Field label={`Post ${n} caption`} error={error("text")} hint={`${post.text.length} characters as typed; at most ${MAX_CAPTION} once formatted, optional.`}>
            {(p) => <textarea {...p} name={`${at}.text`} rows={3} value={post.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />}
          </Field>
        </>
      ) : post.type === "TEXT" ? (
        <>
          {formatField}
          <Field
            label={`Post ${n} text`}
            error={error("text")}
            hint={`${post.text.length} characters as typed; at most ${MAX_TEXT} once formatted. Variants: {Hello|Hi} there.`}
          >
            {(p) => <textarea {...p} name={`${at}.text`} rows={5} value={post.text} onInput={(e) => onChange({ text: e.currentTarget.value })} />}
          </Field>
          {errors?.forField(`${at}.buttons`) && <p class="error">{errors.forField(`${at}.buttons`)}</p>}
          <ul class="groups">
            {post.buttons.map((b, i) => (
              <li key={i}>
                <Field label={`Post ${n} button ${i + 1} text`} error={errors?.forField(`${at}.buttons[${i}][0].text`)}>
                  {(p) => <input {...p} type="text" value={b.text} onInput={(e) => setButton(i, { text: e.currentTarget.value })} />}
                </Field>
                <Field label={`Post ${n} button ${i + 1} link`} error={errors?.forField(`${at}.buttons[${i}][0].url`)}>
                  {(p) => <input {...p} type="url" value={b.url} onInput={(e) => setButton(i, { url: e.currentTarget.value })} />}
                </Field>
                <button type="button" class="secondary" aria-label={`Remove post ${n} button ${i + 1}`} onClick={() => onChange({ buttons: post.buttons.filter((_, j) => j !== i) })}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="secondary" onClick={() => onChange({ buttons: [...post.buttons, { text: "", url: "https://" }] })}>
            Add button to post {n}
          </button>
        </>
      ) : (
        <Field label={`Post ${n} message to forward`} error={error("forward_source") ?? errors?.forField("forward_source")} hint="https://t.me/<chat>/<message id>">
          {(p) => <input {...p} type="url" name={`${at}.forward_source`} value={post.forwardSource} onInput={(e) => onChange({ forwardSource: e.currentTarget.value })} />}
        </Field>
      )}
      {onRemove && (
        <button type="button" class="secondary" onClick={onRemove}>
          Remove post {n}
        </button>
      )}
    </fieldset>
  );
}

/** What a media post sends, in words: "photo", "Album of 3". */
function mediaLabel(type: PostType, count: number): string {
  return type === "ALBUM" ? `Album of ${count}` : type.toLowerCase();
}

/** Samples of POST /bot/preview: each as Telegram would show the bot's message. */
function PreviewPanel({ samples }: { samples: PreviewSample[] }) {
  return (
    <ol class="samples" data-testid="send-preview">
      {samples.map((s, i) => (
        <li key={i}>
          <p class="muted">
            Cycle {s.cycle + 1}, chat {s.chat + 1}, post {s.post_index + 1}
          </p>
          <div class="bubble">
            {s.type === "TEXT" ? (
              <FormattedText text={s.text ?? ""} entities={s.entities} />
            ) : carriesMedia(s.type) ? (
              <>
                <p class="muted">{mediaLabel(s.type, s.media_ids?.length ?? 0)}</p>
                {s.text && <FormattedText text={s.text} entities={s.entities} />}
              </>
            ) : (
              `Forwarded from ${s.forward_source}`
            )}
          </div>
          {s.buttons.map((row, r) => (
            <div class="keyboard" key={r}>
              {row.map((b, j) => (
                <a key={j} class="button-link" href={b.url} rel="noopener noreferrer" target="_blank">
                  {b.text}
                </a>
              ))}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

/**
 * The bot editor: target groups checked as they are typed by POST /bot/config/check (the API's
 * own rules and messages, nothing saved), the posts with their format, variants, buttons and media
 * (a picker of the stored media per post), the rotation, a preview rendered by POST /bot/preview
 * exactly as it would be sent, and the delays.
 */
export function BotEditor() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [check, setCheck] = useState<ApiProblem | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [samples, setSamples] = useState<PreviewSample[] | null>(null);
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
  const changePost = (i: number, next: Partial<PostDraft>) => change({ posts: draft.posts.map((p, j) => (j === i ? { ...p, ...next } : p)) });
  const errors = problem ?? check;
  const perGroup = groupErrors(errors, draft.groups);
  const first = draft.posts[0];
  const hasButtons = draft.posts.some((p) => p.type === "TEXT" && p.buttons.length > 0);

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

  const preview = async () => {
    setProblem(null);
    try {
      const answer = await post<{ samples: PreviewSample[] }>("/bot/preview", { count: PREVIEW_SAMPLES, config: bodyOf(draft) });
      setSamples(answer.samples);
    } catch (err) {
      setSamples(null);
      setProblem(err as ApiProblem);
    }
  };

  return (
    <Screen title="Bot">
      <form onSubmit={save} noValidate>
        <ProblemAlert problem={problem} />
        {saved && <Notice>Saved. Groups are stored in their normal form.</Notice>}
        <fieldset class="card">
          <legend>Target groups</legend>
          <p class="hint">@username, a https://t.me/ link (https://t.me/group/5: topic 5 of a forum) or a numeric chat id; checked as you type.</p>
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
        {errors?.forField("posts") && <p class="error">{errors.forField("posts")}</p>}
        {draft.posts.map((p, i) => (
          <PostEditor
            key={i}
            index={i}
            post={p}
            errors={errors}
            media={media}
            onChange={(next) => changePost(i, next)}
            onRemove={draft.posts.length > 1 ? () => change({ posts: draft.posts.filter((_, j) => j !== i) }) : null}
          />
        ))}
        <fieldset class="card">
          <legend>Posts per cycle</legend>
          {draft.posts.length < MAX_POSTS && (
            <button type="button" class="secondary" onClick={() => change({ posts: [...draft.posts, { ...EMPTY_POST }] })}>
              Add post
            </button>
          )}
          <Field label="Rotation" error={errors?.forField("rotation")} hint="Each cycle sends one of the posts to every group.">
            {(p) => (
              <select {...p} name="rotation" value={draft.rotation} onChange={(e) => change({ rotation: e.currentTarget.value as Draft["rotation"] })}>
                <option value="IN_ORDER">In order</option>
                <option value="RANDOM">At random</option>
              </select>
            )}
          </Field>
          {hasButtons && (
            <Field
              label="Let pooled sessions post without the buttons"
              error={errors?.forField("sessions_drop_buttons")}
              hint="Only bots can send buttons; your posts also go out through Telegram user accounts."
            >
              {(p) => <input {...p} type="checkbox" name="sessions_drop_buttons" checked={draft.dropButtons} onChange={(e) => change({ dropButtons: e.currentTarget.checked })} />}
            </Field>
          )}
          <div class="preview">
            <h2 id="preview-heading">Preview of what will be sent</h2>
            <div class="bubble" data-testid="post-preview">
              {carriesMedia(first.type)
                ? `${mediaLabel(first.type, first.mediaIds.length)}${first.text ? `: ${first.text}` : ""}`
                : first.type === "TEXT"
                  ? first.text || <span class="muted">Nothing yet: write the post.</span>
                  : `Forwarded from ${first.forwardSource || "…"}`}
            </div>
            <p class="muted">
              Post 1 as typed, to {draft.groups.filter((g) => g.trim()).length} group(s). {FORMAT_HINTS[first.format]}
            </p>
            <button type="button" class="secondary" onClick={preview}>
              Preview sends
            </button>
            {samples && <PreviewPanel samples={samples} />}
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
        <fieldset class="card">
          <legend>Schedule</legend>
          <Field label="Jitter (percent)" error={errors?.forField("schedule.jitter_percent")} hint="0 to 50: each delay is stretched by a random share of up to this much">
            {(p) => <input {...p} type="number" min={0} max={50} name="jitter_percent" value={draft.jitter} onInput={(e) => change({ jitter: e.currentTarget.value })} />}
          </Field>
          <Field label="Time zone" error={errors?.forField("schedule.time_zone")} hint="An IANA zone such as Europe/Berlin; your day for the daily cap">
            {(p) => <input {...p} type="text" name="time_zone" value={draft.timeZone} onInput={(e) => change({ timeZone: e.currentTarget.value })} />}
          </Field>
          <Field label="Active hours" error={errors?.forField("schedule.active_hours")} hint="e.g. Mon-Fri 09:00-21:00; Sat 10:00-14:00 — empty: always">
            {(p) => <input {...p} type="text" name="active_hours" value={draft.activeHours} onInput={(e) => change({ activeHours: e.currentTarget.value })} />}
          </Field>
          <Field label="Minutes between posts to one group" error={errors?.forField("schedule.min_group_interval_minutes")} hint="A group's own rule; 0: none">
            {(p) => <input {...p} type="number" min={0} name="min_group_interval_minutes" value={draft.groupInterval} onInput={(e) => change({ groupInterval: e.currentTarget.value })} />}
          </Field>
        </fieldset>
        <button type="submit" disabled={busy}>
          Save configuration
        </button>
      </form>
    </Screen>
  );
}
