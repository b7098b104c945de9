package dev.herald.domain.account;

/** What an account may do. The token's {@code groups} claim carries the role's name. */
public enum Role {
  USER,
  ADMIN,
  OWNER;

  public boolean isAdmin() {
    return this == ADMIN || this == OWNER;
  }
}
