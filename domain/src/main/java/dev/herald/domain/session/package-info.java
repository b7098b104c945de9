/**
 * The pool of Telegram user sessions and the API pairs they log in with; allocation to accounts.
 */
package dev.herald.domain.session;
