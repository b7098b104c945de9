package dev.herald.telegram.transport;

import dev.herald.domain.targets.ChatTarget;
import dev.herald.domain.targets.Preparation;
import dev.herald.domain.targets.TargetPreparer;
import dev.herald.domain.telegram.ChatReference;
import dev.herald.domain.telegram.DeliveryKey;
import dev.herald.domain.telegram.Post;
import dev.herald.domain.telegram.SendOutcome;
import dev.herald.domain.telegram.Sender;
import dev.herald.domain.telegram.TelegramGateway;
import dev.herald.telegram.botapi.BotApiGateway;
import dev.herald.telegram.config.TelegramSettings;
import dev.herald.telegram.sandbox.SandboxGateway;
import dev.herald.telegram.tdlib.TdlibGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The {@link TelegramGateway} Herald injects: routes each send by the sender's kind to the
 * configured transport. The concrete gateways are {@code @Typed} to their own class, so this is the
 * only bean of type {@code TelegramGateway}; they are looked up lazily, so an unused transport
 * (TDLib without its library) is never created.
 */
@ApplicationScoped
public class SenderGatewayRouter implements TelegramGateway, TargetPreparer {

  private TelegramSettings settings;
  private Provider<SandboxGateway> sandbox;
  private Provider<TdlibGateway> tdlib;
  private Provider<BotApiGateway> botApi;

  public SenderGatewayRouter() {}

  @Inject
  public SenderGatewayRouter(
      TelegramSettings settings,
      Provider<SandboxGateway> sandbox,
      Provider<TdlibGateway> tdlib,
      Provider<BotApiGateway> botApi) {
    this.settings = settings;
    this.sandbox = sandbox;
    this.tdlib = tdlib;
    this.botApi = botApi;
  }

  /** The gateway that sends for this kind of sender. */
  public TelegramGateway gatewayFor(Sender.Kind kind) {
    if (kind == Sender.Kind.SESSION) {
      return "tdlib".equals(settings.sessionTransport()) ? tdlib.get() : sandbox.get();
    }
    return "botapi".equals(settings.userBotTransport()) ? botApi.get() : sandbox.get();
  }

  /** The sessions' transport name ({@code sandbox}/{@code tdlib}). */
  @Override
  public String transport() {
    return transport(Sender.Kind.SESSION);
  }

  /**
   * True when any kind of sender posts nowhere: a node on which some posts are not real says so,
   * whichever kind the sandbox serves.
   */
  @Override
  public boolean dryRun() {
    return dryRun(Sender.Kind.SESSION) || dryRun(Sender.Kind.USER_BOT);
  }

  @Override
  public String transport(Sender.Kind kind) {
    return gatewayFor(kind).transport();
  }

  @Override
  public boolean dryRun(Sender.Kind kind) {
    return gatewayFor(kind).dryRun();
  }

  @Override
  public SendOutcome send(Sender sender, ChatReference chat, Post post) {
    return gatewayFor(sender.kind()).send(sender, chat, post);
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(Sender sender, ChatReference chat, Post post) {
    return gatewayFor(sender.kind()).sendAsync(sender, chat, post);
  }

  @Override
  public CompletionStage<SendOutcome> sendAsync(
      DeliveryKey key, Sender sender, ChatReference chat, Post post) {
    return gatewayFor(sender.kind()).sendAsync(key, sender, chat, post);
  }

  /**
   * Prepares the chat with the sender's transport; a transport that cannot prepare takes every chat
   * as ready and addressed as written ({@link TargetPreparer#AS_WRITTEN}).
   */
  @Override
  public CompletionStage<Preparation> prepare(
      Sender sender, ChatReference chat, Optional<ChatTarget> known, boolean mayJoin) {
    TelegramGateway gateway = gatewayFor(sender.kind());
    TargetPreparer preparer =
        gateway instanceof TargetPreparer own ? own : TargetPreparer.AS_WRITTEN;
    return preparer.prepare(sender, chat, known, mayJoin);
  }
}
