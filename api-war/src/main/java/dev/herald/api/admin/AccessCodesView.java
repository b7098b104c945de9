package dev.herald.api.admin;

import java.util.List;

/** The codes just created, in clear text: shown this once, stored only as hashes. */
public record AccessCodesView(List<String> codes, PlanBody plan, String notice) {

  static AccessCodesView of(List<String> codes, PlanBody plan) {
    return new AccessCodesView(
        codes,
        plan,
        "Store these codes now: Herald keeps only their hashes and cannot show them again.");
  }
}
