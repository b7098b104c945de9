package dev.herald.domain.audit;

/**
 * What an audited actor did, named subject first and past tense ({@code BOT_SUSPENDED}). The name
 * is what the {@code audit_log.action} column stores and what {@code GET /admin/audit-log} shows;
 * migration V30 renamed the rows written under the older dotted names ({@code bot.suspend}).
 */
public enum AuditAction {
  ACCOUNT_CREATED,
  ACCOUNT_PLAN_SET,
  ACCESS_CODES_CREATED,
  BILLING_PLAN_EVENT_APPLIED,
  BOT_SUSPENDED,
  BOT_ACTIVATED,
  BOT_DELETED,
  USER_BOT_RATE_LIMITS_SET,
  API_PAIR_CREATED,
  SESSION_ADDED,
  SESSION_CODE_SUBMITTED,
  SESSION_CODE_RESENT,
  SESSION_PASSWORD_SUBMITTED,
  SESSION_LOGIN_RESTARTED,
  SESSION_BANNED,
  SESSION_RELEASED,
  SESSION_DELETED,
  SESSION_PROXY_SET,
  SESSION_PROXY_CLEARED,
  API_PAIR_PROXY_SET,
  API_PAIR_PROXY_CLEARED,
  SANDBOX_FAULTS_CHANGED
}
