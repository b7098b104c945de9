/** Signing in: password login and the Herald tokens it issues. */
package dev.herald.api.auth;
