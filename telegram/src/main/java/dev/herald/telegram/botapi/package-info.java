/**
 * The HTTP Bot API transport used by tenants' own bots: {@code getMe}, {@code sendMessage}, {@code
 * forwardMessage} and {@code copyMessage} with the JDK HTTP client, errors mapped to the gateway
 * port's outcomes.
 */
package dev.herald.telegram.botapi;
