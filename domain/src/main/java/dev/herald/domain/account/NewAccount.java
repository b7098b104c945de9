package dev.herald.domain.account;

import dev.herald.domain.plan.PlanInput;

/** An account an admin creates: email, role, plan and the initial password, as sent. */
public record NewAccount(String email, String role, PlanInput plan, String password) {}
