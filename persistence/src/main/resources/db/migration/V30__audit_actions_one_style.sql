-- Audit actions have one naming style, the names of the Java enum AuditAction (subject first, past
-- tense: BOT_SUSPENDED). Rows written under the older dotted names get the new names, so that the
-- log reads the same from its first row and JPA can read every row as an AuditAction.
UPDATE audit_log SET action = CASE action
    WHEN 'account.create'       THEN 'ACCOUNT_CREATED'
    WHEN 'account.plan.set'     THEN 'ACCOUNT_PLAN_SET'
    WHEN 'access-code.create'   THEN 'ACCESS_CODES_CREATED'
    WHEN 'billing.plan-event'   THEN 'BILLING_PLAN_EVENT_APPLIED'
    WHEN 'bot.suspend'          THEN 'BOT_SUSPENDED'
    WHEN 'bot.activate'         THEN 'BOT_ACTIVATED'
    WHEN 'bot.delete'           THEN 'BOT_DELETED'
    WHEN 'user-bot.rate-limits' THEN 'USER_BOT_RATE_LIMITS_SET'
    ELSE action
  END
WHERE action IN ('account.create', 'account.plan.set', 'access-code.create', 'billing.plan-event',
                 'bot.suspend', 'bot.activate', 'bot.delete', 'user-bot.rate-limits');
