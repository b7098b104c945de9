/** What the transports' asynchronous calls (TDLib requests, Bot API HTTP calls) share. */
package dev.herald.telegram.async;
