import { useEffect, useRef, useState } from "preact/hooks";
import { get, page, post } from "../api";
import { advice } from "../advice";
import { hourlyBuckets, reachesBack } from "../chart";
import { openBotEvents, StreamStatus } from "../events";
import { StateFreshness } from "../freshness";
import type { ApiProblem } from "../problem";
import type { Session } from "../session";
import type { BotState, Delivery, LogEntry, Stats, SyncState } from "../types";
import { ProblemAlert, Screen, when } from "../ui";
import { HourChart } from "./hour-chart";

const CHART_PAGES = 10;

/** The stream names the sender by kind and id (sender_kind, sender_id): "session #3". */
function senderOf(d: Delivery): string | null {
  const named = d as unknown as Record<string, unknown>;
  const kind = named.sender_kind ?? named.sender;
  if (typeof kind !== "string") return null;
  const id = named.sender_id;
  return typeof id === "number" || typeof id === "string" ? `${kind.toLowerCase()} #${id}` : kind.toLowerCase();
}

/** Loads the activity log back 24 hours (at most CHART_PAGES pages of 200) for the chart. */
async function lastDayOfLogs(): Promise<LogEntry[]> {
  const all: LogEntry[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < CHART_PAGES; i++) {
    const p: { items: LogEntry[]; next_cursor: string | null } = await page<LogEntry>("/bot/logs", cursor, 200);
    all.push(...p.items);
    if (!p.next_cursor || reachesBack(p.items)) break;
    cursor = p.next_cursor;
  }
  return all;
}

/**
 * The tenant's dashboard: status with start/stop and advice, next run, counters, the 24-hour
 * chart and deliveries as they happen. After the first load it only listens to GET /bot/events.
 */
export function Dashboard({ session }: { session: Session }) {
  const [state, setState] = useState<BotState | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [logs, setLogs] = useState<LogEntry[]>([]);
  const [chartLogs, setChartLogs] = useState<LogEntry[]>([]);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [stream, setStream] = useState<StreamStatus>("connecting");
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const freshness = useRef(new StateFreshness()).current;

  useEffect(() => {
    const loaded = freshness.since();
    get<SyncState>("/sync/state")
      .then((s) => {
        if (loaded()) setState(s.state);
        setStats(s.stats);
        setLogs(s.recent_logs.items);
      })
      .catch((e) => setProblem(e as ApiProblem));
    lastDayOfLogs()
      .then(setChartLogs)
      .catch(() => setChartLogs([]));
    return openBotEvents(session.token, {
      onStatus: setStream,
      onEvent(event, data) {
        if (event === "state") {
          freshness.live();
          setState(data as BotState);
        }
        else if (event === "delivery") setDeliveries((d) => [data as Delivery, ...d].slice(0, 50));
        else if (event === "log") {
          const entry = data as LogEntry;
          setLogs((l) => (l.some((x) => x.id === entry.id) ? l : [entry, ...l].slice(0, 20)));
          setChartLogs((l) => (l.some((x) => x.id === entry.id) ? l : [entry, ...l]));
          if (entry.event.startsWith("CYCLE_")) get<Stats>("/bot/stats").then(setStats, () => {});
        }
      },
    });
  }, [session.token]);

  const act = async (what: "start" | "stop") => {
    setBusy(true);
    setProblem(null);
    try {
      // The stream has the last word: an answer overtaken by a live state is not applied.
      const fresh = freshness.since();
      const answer = await post<BotState>(`/bot/${what}`);
      if (fresh()) setState(answer);
    } catch (e) {
      setProblem(e as ApiProblem);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Screen title="Dashboard">
      <p class="muted" aria-live="polite">
        Live updates: <span class={`stream ${stream}`}>{stream === "live" ? "connected" : stream}</span>
      </p>
      <ProblemAlert problem={problem} />
      <div class="grid">
        <section class="card" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          {state ? (
            <>
              <p class="status-line">
                <span class={`badge ${state.status.toLowerCase()}`} data-testid="bot-status">
                  {state.status}
                </span>
                {state.dry_run && <span class="badge dry">Dry run: nothing reaches Telegram</span>}
              </p>
              <p data-testid="bot-advice">{advice(state)}</p>
              <dl class="facts">
                <dt>Next run</dt>
                <dd>{state.status === "RUNNING" ? when(state.next_run_at) : "—"}</dd>
                {state.is_idle && state.resumes_at && (
                  <>
                    <dt>Resumes</dt>
                    <dd>{when(state.resumes_at)}</dd>
                  </>
                )}
                {state.pause_reason && (
                  <>
                    <dt>Paused</dt>
                    <dd data-testid="bot-pause">{state.pause_reason === "DAILY_CAP" ? "Daily cap reached (DAILY_CAP)" : "Outside active hours"}</dd>
                  </>
                )}
                {state.next_window && (
                  <>
                    <dt>Active window</dt>
                    <dd data-testid="bot-window">
                      {when(state.next_window.starts_at)} – {when(state.next_window.ends_at)}
                    </dd>
                  </>
                )}
                {state.plan_cuts && state.plan_cuts.length > 0 && (
                  <>
                    <dt>Cut by your plan</dt>
                    <dd>
                      <ul data-testid="bot-plan-cuts">
                        {state.plan_cuts.map((cut) => (
                          <li key={cut}>{cut}</li>
                        ))}
                      </ul>
                    </dd>
                  </>
                )}
                <dt>Senders</dt>
                <dd>
                  {state.senders.length ? (
                    <ul class="senders" data-testid="bot-senders">
                      {state.senders.map((sender) => (
                        <li key={sender.name}>
                          {sender.name} · {sender.transport}
                          {sender.dry_run ? " (dry run)" : ""}
                          {!sender.available && sender.note ? ` · ${sender.note}` : ""}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    "none"
                  )}
                </dd>
              </dl>
              <div class="actions">
                <button type="button" onClick={() => act("start")} disabled={busy || state.status !== "STOPPED"}>
                  Start bot
                </button>
                <button type="button" class="secondary" onClick={() => act("stop")} disabled={busy || state.status === "STOPPED"}>
                  Stop bot
                </button>
              </div>
            </>
          ) : (
            <p>Loading…</p>
          )}
        </section>
        <section class="card" aria-labelledby="counters-heading">
          <h2 id="counters-heading">Counters</h2>
          {stats && (
            <dl class="counters">
              <div>
                <dt>Posts</dt>
                <dd>{stats.total_posts}</dd>
              </div>
              <div>
                <dt>Delivered</dt>
                <dd>{stats.total_success}</dd>
              </div>
              <div>
                <dt>Failed</dt>
                <dd>{stats.total_failures}</dd>
              </div>
              <div>
                <dt>Flood waits</dt>
                <dd>{stats.total_flood_waits}</dd>
              </div>
            </dl>
          )}
          {stats && <p class="muted">Last activity: {when(stats.last_activity)}</p>}
        </section>
      </div>
      <section class="card" aria-labelledby="chart-heading">
        <h2 id="chart-heading">Posts and failures per hour, last 24 hours</h2>
        <HourChart buckets={hourlyBuckets(chartLogs)} />
      </section>
      <section class="card" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Deliveries as they happen</h2>
        <ul class="deliveries" aria-live="polite" data-testid="live-deliveries">
          {deliveries.length === 0 && <li class="muted">None since this page opened.</li>}
          {deliveries.map((d, i) => (
            <li key={`${d.chat}-${d.finished_at}-${i}`} class={d.outcome === "DELIVERED" ? "ok" : "failed"}>
              <span class="chat">{d.chat}</span> <span class="outcome">{d.outcome}</span>
              {senderOf(d) && <span class="muted"> via {senderOf(d)}</span>}
              {d.error && <span class="error-text"> {String(d.error)}</span>}
              <span class="muted"> {when(d.finished_at ?? d.started_at)}</span>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent activity</h2>
        <ul class="log">
          {logs.map((l) => (
            <li key={l.id}>
              <span class="event">{l.event}</span> {l.message} <span class="muted">{when(l.at)}</span>
            </li>
          ))}
        </ul>
        <p>
          <a href="#/activity">All activity</a>
        </p>
      </section>
    </Screen>
  );
}
