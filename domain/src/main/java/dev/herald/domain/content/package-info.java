/**
 * What a bot posts and how each send's copy is made from it: text variants ({@code {Hello|Hi}}),
 * the choice of post per cycle, formatting into entities.
 */
package dev.herald.domain.content;
