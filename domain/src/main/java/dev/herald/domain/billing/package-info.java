/**
 * The billing webhook: signed plan events from the payment provider, verified, de-duplicated,
 * applied.
 */
package dev.herald.domain.billing;
