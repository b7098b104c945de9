package dev.herald.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  private static RuntimeException wrapping(SQLException cause) {
    return new IllegalStateException("could not begin deliveries", cause);
  }

  @Test
  void aLostConnectionOrAServerGoingAwayIsUnreachable() {
    assertTrue(DatabaseFailures.unreachable(wrapping(new SQLException("I/O error", "08006"))));
    assertTrue(DatabaseFailures.unreachable(wrapping(new SQLException("refused", "08001"))));
    assertTrue(
        DatabaseFailures.unreachable(
            wrapping(new SQLException("terminating connection due to administrator", "57P01"))));
    assertTrue(
        DatabaseFailures.unreachable(
            wrapping(new SQLException("the database system is starting up", "57P03"))));
    assertTrue(
        DatabaseFailures.unreachable(wrapping(new SQLException("too many clients", "53300"))));
    assertTrue(DatabaseFailures.unreachable(new SQLTransientConnectionException("pool empty")));
    assertTrue(DatabaseFailures.unreachable(wrapping(new SQLRecoverableException("lost"))));
  }

  @Test
  void aStatementTheDatabaseRefusesIsNot() {
    assertFalse(
        DatabaseFailures.unreachable(wrapping(new SQLException("no such column", "42703"))));
    assertFalse(DatabaseFailures.unreachable(wrapping(new SQLException("duplicate", "23505"))));
    assertFalse(DatabaseFailures.unreachable(new IllegalStateException("a bug")));
    assertFalse(
        DatabaseFailures.unreachable(wrapping(new SQLException("rejected", "08004"))),
        "the server rejected the connection: another attempt meets the same");
    assertFalse(DatabaseFailures.unreachable(wrapping(new SQLException("protocol", "08P01"))));
  }
}
