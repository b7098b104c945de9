/** Signing in: password login, access codes, and the Herald tokens they issue. */
package dev.herald.api.auth;
