// The bot's state reaches the page two ways: the live stream (GET /bot/events) and the answers of
// requests (GET /sync/state, POST /bot/start|stop). Whichever the server produced last must win. An
// answer can arrive after a newer live event: POST /bot/stop answers STOPPING, the post in flight
// finishes, and the stream's STOPPED overtakes the answer on a busy machine. Applied then, the
// answer would show STOPPING for good, since the stream has nothing more to say.

/** Counts live state events, so that an answer older than the newest of them is not applied. */
export class StateFreshness {
  private events = 0;

  /** A live state event arrived. */
  live(): void {
    this.events++;
  }

  /**
   * Call as a request starts; the function returned says whether its answer is still the newest
   * state (no live state arrived since).
   */
  since(): () => boolean {
    const at = this.events;
    return () => this.events === at;
  }
}
