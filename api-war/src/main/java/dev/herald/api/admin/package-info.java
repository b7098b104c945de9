/**
 * Admin endpoints: accounts and their plans, access codes, tenants' bots, the audit log. Each needs
 * an ADMIN or OWNER role in the token and in the stored account (SPEC rule 2).
 */
package dev.herald.api.admin;
