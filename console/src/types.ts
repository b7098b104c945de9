// The API's JSON, as the README and the resources in api-war define it (snake_case names).

export interface BotState {
  status: "STOPPED" | "RUNNING" | "STOPPING";
  stop_reason: string | null;
  is_idle: boolean;
  last_error_reason: string | null;
  next_run_at: string | null;
  resumes_at?: string | null;
  senders: Sender[];
  transport: string;
  dry_run: boolean;
  /** Why a running bot waits by its schedule; then is_idle and resumes_at. */
  pause_reason?: "OUTSIDE_ACTIVE_HOURS" | "DAILY_CAP" | null;
  /** The active-hours window the bot posts in now or next (absent without active hours). */
  next_window?: { starts_at: string; ends_at: string } | null;
  /** What the plan's current limits cut from the configuration. */
  plan_cuts?: string[];
}

/** One sender of the bot as GET /bot/state lists it: where its posts go and whether it can post. */
export interface Sender {
  name: string;
  kind: "SESSION" | "USER_BOT";
  transport: string;
  dry_run: boolean;
  available: boolean;
  available_at?: string | null;
  note?: string | null;
}

export type PostType = "TEXT" | "FORWARD" | "PHOTO" | "VIDEO" | "DOCUMENT" | "ANIMATION" | "ALBUM";

export type TextFormat = "PLAIN" | "MARKDOWN" | "HTML";

/** A URL button under a post (bots only). */
export interface UrlButton {
  text: string;
  url: string;
}

/** One post of a bot (PostBody on the server). */
export interface BotPost {
  type: PostType;
  text: string | null;
  format: TextFormat;
  forward_source: string | null;
  buttons: UrlButton[][];
  media_ids?: number[] | null;
}

/** The configuration; the flat post_* fields repeat the first post. */
export interface BotConfig {
  target_groups: string[];
  post_type: PostType;
  post_text: string | null;
  forward_source: string | null;
  format: TextFormat;
  posts: BotPost[];
  rotation: "IN_ORDER" | "RANDOM";
  sessions_drop_buttons: boolean;
  media_ids?: number[] | null;
  delay_between_posts_seconds: number;
  delay_between_cycles_seconds: number;
  schedule?: Schedule;
}

/** When the bot posts (README "Schedule"): jitter, IANA zone, active hours, group interval. */
export interface Schedule {
  jitter_percent: number;
  time_zone: string;
  active_hours: string;
  min_group_interval_minutes: number;
}

/** A Bot API MessageEntity: UTF-16 offsets, as JavaScript strings count. */
export interface TextEntity {
  type: string;
  offset: number;
  length: number;
  url: string | null;
  language: string | null;
}

/** One send of POST /bot/preview, as the tenant's bot would send it. */
export interface PreviewSample {
  cycle: number;
  chat: number;
  post_index: number;
  type: PostType;
  text: string | null;
  entities: TextEntity[];
  forward_source: string | null;
  buttons: UrlButton[][];
  media_ids?: number[] | null;
}

/** A stored medium (GET /media): what the server read from its bytes. */
export interface Medium {
  id: number;
  kind: "PHOTO" | "VIDEO" | "ANIMATION" | "DOCUMENT";
  content_type: string;
  file_name?: string | null;
  size_bytes: number;
  sha256: string;
  created_at: string;
}

export interface Stats {
  total_posts: number;
  total_success: number;
  total_failures: number;
  total_flood_waits: number;
  messages_sent: number;
  last_activity: string | null;
}

export interface LogEntry {
  id: number;
  event: string;
  reason_code: string | null;
  message: string | null;
  at: string;
}

export interface SyncState {
  state: BotState;
  config: BotConfig;
  stats: Stats;
  recent_logs: { items: LogEntry[]; next_cursor: string | null };
}

/**
 * One post attempt (DeliveryAttempt on the server): an item of GET /bot/deliveries (with `id`) or an
 * `event: delivery` of GET /bot/events (with `delivery_id`).
 */
export interface Delivery {
  id?: number;
  delivery_id?: number;
  cycle_id?: number;
  chat: string;
  sender_kind?: string;
  sender_id?: number;
  sender?: unknown;
  outcome: string;
  telegram_message_id?: number | null;
  error?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
}

/** One sender's standing in a target group (TargetView.SenderView on the server). */
export interface TargetSender {
  sender: string;
  transport: string;
  membership: string;
  next_post_at: string | null;
  last_error: { code: string; message: string } | null;
}

/** One target group: an item of GET /bot/targets (TargetView on the server). */
export interface Target {
  chat: string;
  title: string | null;
  resolved: boolean;
  slow_mode_seconds: number;
  last_delivered_at: string | null;
  senders: TargetSender[];
}

export interface Plan {
  status: string;
  expires_at: string | null;
  limits: {
    max_sessions?: number;
    max_groups?: number;
    min_delay_between_posts_seconds?: number;
    min_delay_between_cycles_seconds?: number;
    max_posts_per_day?: number;
    max_media_bytes?: number;
    max_media_count?: number;
    max_posts_per_bot?: number;
    max_buttons?: number;
  } | null;
}

export interface AdminAccount {
  id: number;
  subject: string;
  email: string | null;
  role: string;
  plan: Plan;
  effective_plan_status: string;
  plan_updated_at: string | null;
  created_at: string;
}

export interface UserBot {
  token_masked: string;
  bot_id: number | null;
  username: string | null;
  verified: boolean;
  status: string;
  suspension_reason: string | null;
  rate_limit_rps: number;
  max_concurrent_requests: number;
  total_requests: number;
  verified_at: string | null;
}

export interface AdminBot {
  account_id: number;
  /** null (and the other fields of the posting bot too) when the tenant registered its own bot before any bot configuration. */
  status: string | null;
  stop_reason: string | null;
  last_error_reason: string | null;
  next_run_at: string | null;
  updated_at: string | null;
  user_bot: UserBot | null;
}

export interface SessionView {
  id: number;
  api_pair_id: number;
  phone: string;
  state: string;
  assigned_account_id: number | null;
  flood_wait_until: string | null;
  ban_reason: string | null;
  state_reason?: string | null;
  state_since?: string | null;
  login: string | null;
  login_detail: string | null;
  proxy?: ProxyView | null;
  warmup?: WarmupView | null;
}

/** A warming session's budget: age day, posts per hour that day (null: warm-up over), used. */
export interface WarmupView {
  age_day: number;
  posts_per_hour: number | null;
  posts_this_hour: number;
  paused_until: string | null;
}

/** A proxy of a session or API pair: never its secret, only whether it has one. */
export interface ProxyView {
  type: string;
  server: string;
  port: number;
  username: string | null;
  has_secret: boolean;
}

export interface ApiPair {
  id: number;
  api_id: number;
  capacity: number;
  in_use: number;
  created_at: string;
  proxy?: ProxyView | null;
}

export interface AuditEntry {
  id: number;
  actor_account_id: number;
  actor_subject: string;
  action: string;
  target_type: string;
  target_id: string;
  details: string | null;
  request_id: string | null;
  created_at: string;
}

export interface SandboxFaults {
  latency_ms: number;
  flood_wait_every: number;
  flood_wait_seconds: number;
  ban_probability: number;
  forbidden_chats: string[];
  unavailable_sessions?: number[];
  needs_login_sessions?: number[];
}

/** What the sandbox's Telegram model counted (GET /admin/sandbox/world). */
export interface SandboxWorld {
  time_scale: number;
  attempts: number;
  delivered: number;
  refused_by_reason: Record<string, number>;
  spam_limited_accounts: number;
  banned_accounts: number;
  joins: number;
  max_joins_per_account_per_hour: number;
}

export interface IssuedToken {
  access_token: string;
  expires_in: number;
}
