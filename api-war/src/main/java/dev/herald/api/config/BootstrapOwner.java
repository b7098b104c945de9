package dev.herald.api.config;

import dev.herald.domain.account.AccountService;
import dev.herald.domain.plan.Plan;
import dev.herald.domain.plan.PlanLimits;
import dev.herald.domain.plan.PlanStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure someone can log in to a new installation: the owner account with {@code
 * HERALD_ADMIN_EMAIL}, whose password is {@code HERALD_ADMIN_PASSWORD} or, in the dev profile, the
 * one the preflight agent generated into the data folder.
 */
@ApplicationScoped
public class BootstrapOwner {

  private static final Logger LOG = Logger.getLogger(BootstrapOwner.class.getName());

  @Inject ApiSettings settings;
  @Inject AccountService accounts;
  @Inject Clock clock;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    Optional<String> password = settings.adminPassword().or(this::devPassword);
    if (password.isEmpty()) {
      LOG.info(
          "No bootstrap owner password configured (HERALD_ADMIN_PASSWORD); existing accounts are"
              + " unchanged.");
      return;
    }
    Plan unlimited = new Plan(PlanStatus.ACTIVE, null, PlanLimits.defaults(), clock.instant());
    if (accounts.ensureBootstrapOwner(settings.adminEmail(), password.get(), unlimited)) {
      LOG.warning("Created the bootstrap owner account " + settings.adminEmail() + ".");
    }
    if (settings.devProfile()) {
      LOG.warning(
          "DEV PROFILE: log in as "
              + settings.adminEmail()
              + " with the password in "
              + settings.adminPasswordFile().map(Path::toString).orElse("HERALD_ADMIN_PASSWORD"));
    }
  }

  private Optional<String> devPassword() {
    if (!settings.devProfile()) {
      return Optional.empty();
    }
    return settings.adminPasswordFile().filter(Files::isReadable).map(BootstrapOwner::read);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
