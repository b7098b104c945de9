/** The tenant's post attempts read from {@code delivery_record}. */
package dev.herald.persistence.delivery;
