package dev.herald.api.sandbox;

import dev.herald.telegram.sandbox.FaultPlan;
import java.util.List;

/** The sandbox's faults on the wire; every field is optional on PUT (absent = unchanged). */
public record SandboxFaultsBody(
    Long latencyMs,
    Integer floodWaitEvery,
    Long floodWaitSeconds,
    Double banProbability,
    List<String> forbiddenChats,
    List<Long> unavailableSessions,
    List<Long> needsLoginSessions) {

  static SandboxFaultsBody of(FaultPlan plan) {
    return new SandboxFaultsBody(
        plan.latency().toMillis(),
        plan.floodWaitEvery(),
        plan.floodWait().toSeconds(),
        plan.banProbability(),
        plan.forbiddenChats(),
        plan.unavailableSessions(),
        plan.needsLoginSessions());
  }

  FaultPlan applyTo(FaultPlan plan) {
    return new FaultPlan(
        latencyMs == null ? plan.latency() : java.time.Duration.ofMillis(latencyMs),
        floodWaitEvery == null ? plan.floodWaitEvery() : floodWaitEvery,
        floodWaitSeconds == null
            ? plan.floodWait()
            : java.time.Duration.ofSeconds(floodWaitSeconds),
        banProbability == null ? plan.banProbability() : banProbability,
        forbiddenChats == null ? plan.forbiddenChats() : forbiddenChats,
        unavailableSessions == null ? plan.unavailableSessions() : unavailableSessions,
        needsLoginSessions == null ? plan.needsLoginSessions() : needsLoginSessions);
  }
}
