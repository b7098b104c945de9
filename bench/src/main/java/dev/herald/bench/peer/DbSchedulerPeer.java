package dev.herald.bench.peer;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * db-scheduler set up the same way for every peer run, so their figures compare: 20 threads on a
 * pool of 25 connections, polling with lock-and-fetch (its fastest mode on PostgreSQL).
 */
final class DbSchedulerPeer {

  private DbSchedulerPeer() {}

  static HikariDataSource pool(String jdbcUrl, String user, String password) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setUsername(user);
    config.setPassword(password);
    config.setMaximumPoolSize(25);
    return new HikariDataSource(config);
  }

  static Scheduler scheduler(DataSource dataSource, Task<?> task, Duration polling) {
    return Scheduler.create(dataSource, task)
        .threads(20)
        .pollingInterval(polling)
        .pollUsingLockAndFetch(0.5, 4.0)
        .build();
  }
}
