package dev.herald.telegram.tdlib;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The TDLib transport's settings as plain values, so the runtime can be built with or without CDI
 * (tests). {@link TdlibSettings} reads them from MicroProfile Config. {@code offlineAfter}: how
 * long a client may be without Telegram before its sends are refused at once ({@link
 * TdlibConnection}).
 */
public record TdlibConfig(
    Path dataDir,
    boolean useTestDc,
    Duration loginStepTimeout,
    Duration requestTimeout,
    Duration sendTimeout,
    String systemLanguageCode,
    String deviceModel,
    String applicationVersion,
    int breakerFailures,
    Duration breakerOpen,
    Duration offlineAfter) {}
