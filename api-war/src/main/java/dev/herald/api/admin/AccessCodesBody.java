package dev.herald.api.admin;

import jakarta.validation.constraints.NotNull;

/** {@code POST /admin/access-codes}: how many codes (default 1), and the plan they grant. */
public record AccessCodesBody(
    Integer count, @NotNull(message = "Give the plan the codes grant.") PlanBody plan) {}
