/**
 * Tenant accounts: identity (the token subject), role, credentials and the registration use case.
 */
package dev.herald.domain.account;
