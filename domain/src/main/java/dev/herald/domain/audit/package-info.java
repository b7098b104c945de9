/** The audit trail: every admin action, who did it, to what, and in which request. */
package dev.herald.domain.audit;
