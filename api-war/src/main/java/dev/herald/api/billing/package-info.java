/** The billing webhook endpoint: the raw signed body in, the plan change out. */
package dev.herald.api.billing;
