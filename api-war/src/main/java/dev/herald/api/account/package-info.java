/**
 * The caller's own account: who the verified token says they are, registration, and the admin check
 * every admin resource shares ({@link dev.herald.api.account.AdminOnly}).
 */
package dev.herald.api.account;
