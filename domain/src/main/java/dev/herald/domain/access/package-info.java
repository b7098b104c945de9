/** Access codes: sign-in codes bound to a plan, created by admins, stored only as hashes. */
package dev.herald.domain.access;
