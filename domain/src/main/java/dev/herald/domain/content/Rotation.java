package dev.herald.domain.content;

/** Which of a bot's posts a cycle sends: the next in the list, or one drawn at random. */
public enum Rotation {
  IN_ORDER,
  RANDOM
}
