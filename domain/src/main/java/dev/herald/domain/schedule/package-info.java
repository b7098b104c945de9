/**
 * When a bot may post: jitter on its delays, active hours per weekday in the tenant's time zone, a
 * minimum interval per group and the plan's daily cap counted per local day.
 */
package dev.herald.domain.schedule;
