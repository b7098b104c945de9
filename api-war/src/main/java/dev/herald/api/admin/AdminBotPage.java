package dev.herald.api.admin;

import java.util.List;

/** One page of tenants' bots with the total count for the filter. */
public record AdminBotPage(List<AdminBotView> bots, int page, int size, long total) {}
