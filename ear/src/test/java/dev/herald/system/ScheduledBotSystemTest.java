package dev.herald.system;

/**
 * A system test of the schedule on the running engine ({@link EngineSystemTest}), with the
 * schedule's shared moves ({@link ScheduledBots}).
 */
abstract class ScheduledBotSystemTest extends EngineSystemTest {

  /** Made per test, after the server is connected. */
  final ScheduledBots bots = new ScheduledBots(api, fixtures);
}
