package dev.herald.persistence;

import org.junit.jupiter.api.BeforeEach;

/**
 * A test against the shared embedded PostgreSQL ({@link TestDatabase}) that starts each test on
 * empty engine tables, with {@link TestRows} to write and read them.
 */
public abstract class DatabaseTest {

  protected final TestRows rows = new TestRows(TestDatabase.dataSource());

  @BeforeEach
  void emptyTheTables() {
    TestDatabase.clean();
  }
}
