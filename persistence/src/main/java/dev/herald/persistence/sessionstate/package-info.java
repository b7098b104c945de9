/**
 * The TDLib state of pooled sessions in PostgreSQL, encrypted with Herald's data key, so that a
 * session can be reopened on any node.
 */
package dev.herald.persistence.sessionstate;
