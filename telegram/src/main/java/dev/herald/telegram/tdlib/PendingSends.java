package dev.herald.telegram.tdlib;

import dev.herald.domain.telegram.SendOutcome;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Messages sent and not yet final, keyed by chat and TDLib's temporary message id. The final {@code
 * updateMessageSendSucceeded/Failed} can be dispatched before the sender registers its wait (the
 * receive loop and the caller race), so early results are kept briefly.
 */
final class PendingSends {

  private static final int EARLY_LIMIT = 256;

  private final Map<String, CompletableFuture<SendOutcome>> waiting = new HashMap<>();
  private final Map<String, SendOutcome> early =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SendOutcome> eldest) {
          // Results for messages Herald did not send (another app on the account) end up here.
          return size() > EARLY_LIMIT;
        }
      };

  synchronized CompletableFuture<SendOutcome> expect(long chatId, long temporaryId) {
    String key = key(chatId, temporaryId);
    SendOutcome already = early.remove(key);
    if (already != null) {
      return CompletableFuture.completedFuture(already);
    }
    CompletableFuture<SendOutcome> result = new CompletableFuture<>();
    waiting.put(key, result);
    result.whenComplete((outcome, failure) -> forget(key));
    return result;
  }

  void complete(long chatId, long temporaryId, SendOutcome outcome) {
    CompletableFuture<SendOutcome> waiter;
    synchronized (this) {
      String key = key(chatId, temporaryId);
      waiter = waiting.remove(key);
      if (waiter == null) {
        early.put(key, outcome);
        return;
      }
    }
    waiter.complete(outcome);
  }

  void completeAll(SendOutcome outcome) {
    Map<String, CompletableFuture<SendOutcome>> all;
    synchronized (this) {
      all = new HashMap<>(waiting);
      waiting.clear();
    }
    all.values().forEach(waiter -> waiter.complete(outcome));
  }

  synchronized int size() {
    return waiting.size();
  }

  private synchronized void forget(String key) {
    waiting.remove(key);
  }

  private static String key(long chatId, long temporaryId) {
    return chatId + ":" + temporaryId;
  }
}
