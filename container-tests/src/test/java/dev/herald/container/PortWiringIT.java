package dev.herald.container;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.domain.access.AccessCodeRepository;
import dev.herald.domain.account.AccountRepository;
import dev.herald.domain.account.PasswordHasher;
import dev.herald.domain.account.Pbkdf2PasswordHasher;
import dev.herald.domain.activity.ActivityRepository;
import dev.herald.domain.audit.AuditRepository;
import dev.herald.domain.bot.BotDirectory;
import dev.herald.domain.bot.BotRepository;
import dev.herald.domain.delivery.DeliveryHistory;
import dev.herald.domain.plan.PlanRepository;
import dev.herald.domain.ratelimit.RateLimiter;
import dev.herald.domain.session.LoginStepMailbox;
import dev.herald.domain.session.SessionLoginGateway;
import dev.herald.domain.session.SessionRepository;
import dev.herald.domain.shared.ClockProducer;
import dev.herald.domain.shared.crypto.DataCipher;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.domain.userbot.UserBotRepository;
import dev.herald.domain.userbot.UserBotRequests;
import dev.herald.domain.userbot.UserBotVerifier;
import dev.herald.persistence.access.JpaAccessCodeRepository;
import dev.herald.persistence.account.JpaAccountRepository;
import dev.herald.persistence.activity.JpaActivityRepository;
import dev.herald.persistence.audit.JpaAuditRepository;
import dev.herald.persistence.bot.JpaBotDirectory;
import dev.herald.persistence.bot.JpaBotRepository;
import dev.herald.persistence.crypto.DataCipherProducer;
import dev.herald.persistence.delivery.JpaDeliveryHistory;
import dev.herald.persistence.engine.JdbcLoginStepMailbox;
import dev.herald.persistence.plan.JpaPlanRepository;
import dev.herald.persistence.ratelimit.Bucket4jRateLimiter;
import dev.herald.persistence.session.JpaSessionRepository;
import dev.herald.persistence.userbot.JdbcUserBotRequests;
import dev.herald.persistence.userbot.JpaUserBotRepository;
import dev.herald.telegram.transport.SenderGatewayRouter;
import dev.herald.telegram.transport.SessionLoginRouter;
import dev.herald.telegram.transport.UserBotVerifierRouter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * CDI wiring of the deployed application: each port of the domain resolves to exactly one bean, the
 * adapter meant for it (an ambiguous or missing bean fails the deployment's first use, not the
 * build), and the gateway the engine injects is the transport router, set to the sandbox in dev.
 */
@ExtendWith(ArquillianExtension.class)
class PortWiringIT {

  @Deployment
  static EnterpriseArchive deployment() {
    return HeraldDeployment.with(PortWiringIT.class);
  }

  @Inject BeanManager beans;
  @Inject TelegramGateway gateway;
  @Inject Clock clock;

  @Test
  void everyPortResolvesToItsAdapter() {
    Map<Class<?>, Class<?>> adapters = new LinkedHashMap<>();
    adapters.put(AccountRepository.class, JpaAccountRepository.class);
    adapters.put(PlanRepository.class, JpaPlanRepository.class);
    adapters.put(BotRepository.class, JpaBotRepository.class);
    adapters.put(BotDirectory.class, JpaBotDirectory.class);
    adapters.put(SessionRepository.class, JpaSessionRepository.class);
    adapters.put(ActivityRepository.class, JpaActivityRepository.class);
    adapters.put(DeliveryHistory.class, JpaDeliveryHistory.class);
    adapters.put(AuditRepository.class, JpaAuditRepository.class);
    adapters.put(UserBotRepository.class, JpaUserBotRepository.class);
    adapters.put(AccessCodeRepository.class, JpaAccessCodeRepository.class);
    adapters.put(RateLimiter.class, Bucket4jRateLimiter.class);
    adapters.put(PasswordHasher.class, Pbkdf2PasswordHasher.class);
    adapters.put(DataCipher.class, DataCipherProducer.class);
    adapters.put(Clock.class, ClockProducer.class);
    adapters.put(TelegramGateway.class, SenderGatewayRouter.class);
    adapters.put(SessionLoginGateway.class, SessionLoginRouter.class);
    adapters.put(LoginStepMailbox.class, JdbcLoginStepMailbox.class);
    adapters.put(UserBotRequests.class, JdbcUserBotRequests.class);
    adapters.put(UserBotVerifier.class, UserBotVerifierRouter.class);
    assertAll(
        adapters.entrySet().stream()
            .map(
                port ->
                    (Executable)
                        () ->
                            assertEquals(
                                port.getValue(),
                                beanFor(port.getKey()).getBeanClass(),
                                port.getKey().getSimpleName() + " resolves to")));
  }

  @Test
  void theInjectedGatewayIsTheRouterOnTheSandboxInDev() {
    assertEquals("sandbox", gateway.transport());
    assertTrue(gateway.dryRun(), "the dev profile posts nowhere");
    assertEquals(ZoneOffset.UTC, clock.getZone());
  }

  /** The one bean injected for this type; fails when there is none or more than one. */
  private Bean<?> beanFor(Class<?> port) {
    Bean<?> bean = beans.resolve(beans.getBeans(port));
    if (bean == null) {
      throw new AssertionError("No bean for " + port.getName());
    }
    return bean;
  }
}
