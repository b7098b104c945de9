/** MicroProfile Health checks, one class per concern. */
package dev.herald.api.health;
