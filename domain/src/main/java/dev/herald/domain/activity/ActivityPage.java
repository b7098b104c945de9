package dev.herald.domain.activity;

import java.util.List;

/** A page of the activity log and the cursor of the next (older) page, null at the end. */
public record ActivityPage(List<ActivityEntry> entries, String nextCursor) {}
