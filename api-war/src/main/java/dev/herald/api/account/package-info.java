/** The caller's own account: who the verified token says they are, and registration. */
package dev.herald.api.account;
