package dev.herald.domain.account;

/** Turns passwords into salted, slow hashes and checks them; the algorithm is the adapter's. */
public interface PasswordHasher {

  String hash(String password);

  boolean matches(String password, String hash);
}
