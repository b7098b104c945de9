/**
 * Subscription plans: their status, expiry and limits, and the rule that decides what a plan
 * allows.
 */
package dev.herald.domain.plan;
