import { useState } from "preact/hooks";
import { del, post } from "../api";
import type { Medium } from "../types";
import { Field, Notice, PagedList, ProblemAlert, Screen, useActions, when } from "../ui";

/** Sizes as people read them: 2.4 MB, 830 KB. */
export function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * The tenant's media (POST/GET/DELETE /media): upload a photo, video, GIF or document, see what the
 * server made of it (its kind is read from the bytes), delete what no post uses.
 */
export function Media() {
  const [file, setFile] = useState<File | null>(null);
  const { problem, notice, reload, busy, run } = useActions();

  const upload = (e: Event) => {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append("file", file, file.name);
    void run(async () => {
      const stored = await post<Medium>("/media", form);
      setFile(null);
      (e.target as HTMLFormElement).reset();
      return `Uploaded ${stored.file_name ?? "the file"} as ${stored.kind.toLowerCase()} #${stored.id}.`;
    });
  };
  const remove = (m: Medium) =>
    run(async () => {
      await del<void>(`/media/${m.id}`);
      return `Deleted #${m.id}.`;
    });

  return (
    <Screen title="Media">
      <p>Photos, videos, GIFs and documents for your posts. Each is uploaded to Telegram once per sender and reused after.</p>
      <ProblemAlert problem={problem} />
      {notice && <Notice>{notice}</Notice>}
      <form class="card" onSubmit={upload}>
        <h2>Upload</h2>
        <Field label="File" error={problem?.forField("file")} hint="JPEG, PNG, WebP, GIF, MP4, PDF or ZIP, within your plan's size limit.">
          {(p) => (
            <input
              {...p}
              type="file"
              name="file"
              accept="image/jpeg,image/png,image/webp,image/gif,video/mp4,application/pdf,application/zip"
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy || !file}>
          Upload
        </button>
      </form>
      <PagedList<Medium>
        path="/media"
        reload={reload}
        label="Your media"
        caption="Newest first"
        empty="No media yet."
        rowKey={(m) => m.id}
        rowProps={(m) => ({ "data-testid": "medium-row", "data-id": m.id })}
        columns={[
          { header: "Id", cell: (m) => `#${m.id}` },
          { header: "Kind", cell: (m) => m.kind.toLowerCase() },
          { header: "File", cell: (m) => m.file_name ?? "—" },
          { header: "Type", cell: (m) => m.content_type },
          { header: "Size", cell: (m) => size(m.size_bytes) },
          { header: "Uploaded", cell: (m) => when(m.created_at) },
          {
            header: "Actions",
            cell: (m) => (
              <button type="button" class="secondary" aria-label={`Delete medium ${m.id}`} disabled={busy} onClick={() => void remove(m)}>
                Delete
              </button>
            ),
          },
        ]}
      />
    </Screen>
  );
}
