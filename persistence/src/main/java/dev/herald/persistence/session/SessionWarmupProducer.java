package dev.herald.persistence.session;

import dev.herald.domain.session.SessionWarmup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The warm-up budgets of newly added sessions from {@code herald.sessions.warmup-posts-per-hour}
 * (posts per hour on age day 1, 2, ..., e.g. {@code 5,10,20,40}; empty, the default: no warm-up). A
 * bad value stops the server with a message saying what is expected.
 */
@ApplicationScoped
public class SessionWarmupProducer {

  static final String KEY = "herald.sessions.warmup-posts-per-hour";
  private static final Logger LOG = Logger.getLogger(SessionWarmupProducer.class.getName());

  @Produces
  @Singleton
  SessionWarmup warmup() {
    SessionWarmup warmup =
        SessionWarmup.parse(
            ConfigProvider.getConfig(SessionWarmupProducer.class.getClassLoader())
                .getOptionalValue(KEY, String.class)
                .orElse(""));
    LOG.log(
        Level.INFO,
        "Session warm-up: {0}",
        warmup.enabled() ? warmup.postsPerHour() + " posts per hour by age day" : "off");
    return warmup;
  }
}
