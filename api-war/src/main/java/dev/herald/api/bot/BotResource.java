package dev.herald.api.bot;

import dev.herald.api.account.AuthenticatedResource;
import dev.herald.api.account.CurrentAccount;
import dev.herald.api.dashboard.LogEntryView;
import dev.herald.api.dashboard.StatsView;
import dev.herald.api.paging.PageParams;
import dev.herald.api.paging.PageView;
import dev.herald.api.web.ConditionalRead;
import dev.herald.domain.activity.DashboardService;
import dev.herald.domain.bot.BotLifecycleService;
import dev.herald.domain.bot.BotService;
import dev.herald.domain.delivery.DeliveryAttempt;
import dev.herald.domain.delivery.DeliveryService;
import dev.herald.domain.targets.TargetService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * The caller's bot under {@code /bot}: its configuration, start and stop, its state, and what it
 * did (counters, activity log, post attempts). Every method acts on the token subject's own bot
 * only. The live stream {@code /bot/events} has a resource of its own.
 *
 * <p>One instance serves every request (its fields are services and {@link CurrentAccount}, which
 * keeps the caller's account in the request): the dashboards poll {@code /bot/state}, and building
 * the resource with its six injections per request was about 5% of that poll's JFR samples (issue
 * 17).
 */
@ApplicationScoped
@Path("/bot")
@RolesAllowed({"USER", "ADMIN", "OWNER"})
@SecurityRequirement(name = "jwt")
public class BotResource extends AuthenticatedResource {

  @Inject BotService bots;
  @Inject BotLifecycleService lifecycle;
  @Inject DashboardService dashboard;
  @Inject DeliveryService deliveries;
  @Inject TargetService targets;

  @GET
  @Path("/config")
  @ConditionalRead
  @Operation(summary = "Read the bot's configuration")
  public BotConfigBody config() {
    return BotConfigBody.of(bots.config(current.id()));
  }

  @PUT
  @Path("/config")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace the bot's configuration; every invalid field is reported at once")
  public BotConfigBody updateConfig(
      @NotNull(message = "Send the configuration as a JSON object.") BotConfigBody body) {
    return BotConfigBody.of(bots.updateConfig(current.id(), body.toInput()));
  }

  @POST
  @Path("/config/check")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Validate a draft configuration without saving it: the normalised configuration, or the"
              + " 400 problem a save would answer")
  public BotConfigBody checkConfig(
      @NotNull(message = "Send the configuration as a JSON object.") BotConfigBody body) {
    return BotConfigBody.of(bots.checkConfig(current.id(), body.toInput()));
  }

  @POST
  @Path("/preview")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Render the first sends (count, default 5) of the saved configuration or of a draft"
              + " config, exactly as they would be sent: text, entities, buttons")
  public PreviewView preview(PreviewBody body) {
    PreviewBody asked = body == null ? new PreviewBody(null, null) : body;
    return PreviewView.of(
        bots.preview(
            current.id(),
            asked.config() == null ? null : asked.config().toInput(),
            asked.countOrDefault()));
  }

  @POST
  @Path("/start")
  @Operation(
      summary =
          "Start the bot: 403 when the plan does not allow it, 422 when the config is incomplete,"
              + " 409 when no sender is free")
  public BotStateView start() {
    return BotStateView.of(lifecycle.start(current.id()));
  }

  @POST
  @Path("/stop")
  @Operation(
      summary =
          "Stop the bot: no post starts after this answer; STOPPING until the post in flight ends")
  public BotStateView stop() {
    return BotStateView.of(lifecycle.stop(current.id()));
  }

  @GET
  @Path("/state")
  @ConditionalRead
  @Operation(summary = "The bot's status, why it is not running, its next cycle and senders")
  public BotStateView state() {
    return BotStateView.of(bots.state(current.id()));
  }

  @GET
  @Path("/stats")
  @ConditionalRead
  @Operation(summary = "The bot's counters")
  public StatsView stats() {
    return StatsView.of(dashboard.stats(current.id()));
  }

  @GET
  @Path("/logs")
  @Operation(summary = "The bot's activity log, newest first, a page at a time")
  public PageView<LogEntryView> logs(@BeanParam PageParams page) {
    return PageView.of(dashboard.logs(current.id(), page.request()), LogEntryView::of);
  }

  @GET
  @Path("/deliveries")
  @Operation(
      summary =
          "Every post attempt, newest first, a page at a time: chat, sender, outcome, Telegram's"
              + " message id or the error")
  public PageView<DeliveryAttempt> deliveries(@BeanParam PageParams page) {
    return PageView.of(deliveries.attempts(current.id(), page.request()), attempt -> attempt);
  }

  @GET
  @Path("/targets")
  @Operation(
      summary =
          "Every target group, in config order, a page at a time: title, whether it is resolved,"
              + " slow mode, last delivery, and per sender its membership, next allowed post and"
              + " last error with what to do")
  public PageView<TargetView> targets(@BeanParam PageParams page) {
    return PageView.of(targets.targets(current.id(), page.request()), TargetView::of);
  }
}
