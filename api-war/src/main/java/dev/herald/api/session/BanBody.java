package dev.herald.api.session;

import jakarta.validation.constraints.Size;

/** {@code POST /admin/sessions/{id}/ban}: why (optional; {@code ADMIN} when absent or blank). */
public record BanBody(
    @Size(max = 200, message = "A ban reason is at most 200 characters.") String reason) {}
