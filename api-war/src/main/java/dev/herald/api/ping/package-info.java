/**
 * An unauthenticated ping: the cheapest answer the API gives, through every filter the others pass.
 */
package dev.herald.api.ping;
