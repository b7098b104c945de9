// Small building blocks every screen uses: labelled fields with their error beside them, the
// problem alert, what an action said, a pager over cursor pages and the screens that are only a
// list, and dates.

import type { ComponentChildren, JSX } from "preact";
import { useEffect, useState } from "preact/hooks";
import { page, type Page } from "./api";
import type { ApiProblem } from "./problem";

let nextId = 0;
/** A stable id per component instance, to tie labels and errors to their inputs. */
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++nextId}`);
  return id;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; "aria-invalid"?: "true"; "aria-describedby"?: string }) => JSX.Element;
}

/** A label, the control, an optional hint and the field's error, linked for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId("f");
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div class={error ? "field invalid" : "field"}>
      <label for={id}>{label}</label>
      {children({ id, "aria-invalid": error ? "true" : undefined, "aria-describedby": described || undefined })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The problem's title and detail; field errors are shown at their fields, not here. */
export function ProblemAlert({ problem }: { problem: ApiProblem | null }) {
  if (!problem) return null;
  const unplaced = problem.errors.length > 0 && !problem.detail;
  return (
    <div class="alert" role="alert">
      <strong>{problem.title}</strong>
      {problem.detail && <p>{problem.detail}</p>}
      {unplaced && <p>Check the highlighted fields.</p>}
      {problem.requestId && <p class="muted">Request id: {problem.requestId}</p>}
    </div>
  );
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

/**
 * What a screen's actions tell: `run(work)` clears what the last one said, runs `work` and shows
 * the notice it answers with, or the problem it failed with (`busy` meanwhile); after a success the
 * screen's list loads again (`reload`). `done(message)` says so for an action run elsewhere;
 * `refresh()` only loads the list again.
 */
export function useActions() {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const done = (message: string) => {
    setProblem(null);
    setNotice(message);
    setReload((n) => n + 1);
  };
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setProblem(null);
    setNotice(null);
    try {
      done(await work());
    } catch (e) {
      setProblem(e as ApiProblem);
    } finally {
      setBusy(false);
    }
  };
  const refresh = () => setReload((n) => n + 1);
  return { problem, notice, reload, busy, run, done, refresh, setProblem };
}

export function Screen({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Herald console`;
  }, [title]);
  return (
    <section aria-labelledby="screen-title">
      <h1 id="screen-title" tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/**
 * A list over cursor pages: the first page, then Older pages by next_cursor; Newer goes back
 * through the cursors already seen. `reload` changes reload the first page.
 */
export function usePaged<T>(load: (cursor: string | null) => Promise<Page<T>>, reload: unknown = 0) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const cursor = cursors[cursors.length - 1];
  useEffect(() => setCursors([null]), [reload]);
  useEffect(() => {
    let live = true;
    load(cursor)
      .then((p) => live && (setPage(p), setProblem(null)))
      .catch((e) => live && setProblem(e as ApiProblem));
    return () => {
      live = false;
    };
  }, [cursor, cursors]);
  return {
    page,
    problem,
    pageNumber: cursors.length,
    older: page?.next_cursor ? () => setCursors([...cursors, page.next_cursor]) : null,
    newer: cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : null,
  };
}

export function Pager({ older, newer, pageNumber }: { older: (() => void) | null; newer: (() => void) | null; pageNumber: number }) {
  return (
    <nav class="pager" aria-label="Pages">
      <button type="button" onClick={newer ?? undefined} disabled={!newer}>
        ← Newer
      </button>
      <span>Page {pageNumber}</span>
      <button type="button" onClick={older ?? undefined} disabled={!older}>
        Older →
      </button>
    </nav>
  );
}

/** A table that scrolls sideways on a narrow screen; focusable, so the keyboard can scroll it. */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** One column of a {@link PagedTable}: its header and what a row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ComponentChildren;
  className?: string;
}

interface PagedTableProps<T> {
  label: string;
  caption?: string;
  list: ReturnType<typeof usePaged<T>>;
  columns: Column<T>[];
  rowKey: (row: T) => string | number;
  rowProps?: (row: T) => Record<string, string | number>;
  empty?: string;
}

/**
 * A list screen's table over cursor pages ({@link usePaged}), with its pager: one place for the
 * table markup every list shares (scrollable region, column headers, an "empty" row).
 */
export function PagedTable<T>({ label, caption, list, columns, rowKey, rowProps, empty }: PagedTableProps<T>) {
  const items = list.page?.items;
  return (
    <>
      <TableWrap label={label}>
        <table>
          {caption && <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.header}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {empty && items?.length === 0 && (
              <tr>
                <td colSpan={columns.length}>{empty}</td>
              </tr>
            )}
            {items?.map((row) => (
              <tr key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
                {columns.map((c) => (
                  <td key={c.header} class={c.className}>
                    {c.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Pager older={list.older} newer={list.newer} pageNumber={list.pageNumber} />
    </>
  );
}

/** A filter over a list: one of the given values, the first one ("") meaning all. */
export function ChoiceFilter({
  label,
  value,
  choices,
  onChange,
}: {
  label: string;
  value: string;
  choices: string[];
  onChange: (value: string) => void;
}) {
  return (
    <Field label={label}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {choices.map((c) => (
            <option key={c} value={c}>
              {c || "All"}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/**
 * A list of GET `path` over cursor pages of 20: what every list screen shows. Above its table, the
 * problem an action gave (`problem`) or else the one loading gave, the action's `notice`, and a
 * choice of one query parameter to filter by (`filter`, "" for all). A change of `reload` or of
 * the filter loads the first page again.
 */
export function PagedList<T>({
  path,
  reload = 0,
  filter,
  problem = null,
  notice = null,
  ...table
}: {
  path: string;
  reload?: unknown;
  filter?: { name: string; label: string; choices: string[] };
  problem?: ApiProblem | null;
  notice?: string | null;
} & Omit<PagedTableProps<T>, "list">) {
  const [value, setValue] = useState("");
  const query: Record<string, string> = filter && value ? { [filter.name]: value } : {};
  const list = usePaged((cursor) => page<T>(path, cursor, 20, query), `${value}/${reload}`);
  return (
    <>
      <ProblemAlert problem={problem ?? list.problem} />
      {notice && <Notice>{notice}</Notice>}
      {filter && <ChoiceFilter label={filter.label} value={value} choices={filter.choices} onChange={setValue} />}
      <PagedTable list={list} {...table} />
    </>
  );
}

/** A screen that is only a list: its title over a {@link PagedList} of GET `path`. */
export function ListScreen<T>({ title, ...list }: { title: string } & Parameters<typeof PagedList<T>>[0]) {
  return (
    <Screen title={title}>
      <PagedList<T> {...list} />
    </Screen>
  );
}
