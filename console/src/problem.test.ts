import { describe, expect, it } from "vitest";
import { indexedErrors, problemOf } from "./problem";

describe("problemOf", () => {
  it("keeps the detail and the field errors of a problem body", () => {
    const p = problemOf(
      400,
      {
        type: "https://herald.dev/problems/invalid-input",
        title: "Invalid input",
        detail: "2 fields are invalid.",
        errors: [
          { field: "target_groups[1]", message: "Not a Telegram chat" },
          { field: "delay_between_posts_seconds", message: "Must be at least 30 seconds on your plan." },
        ],
        request_id: "r-1",
      },
      null,
    );
    expect(p.slug).toBe("invalid-input");
    expect(p.detail).toBe("2 fields are invalid.");
    expect(p.forField("delay_between_posts_seconds")).toContain("30 seconds");
    expect(indexedErrors(p, "target_groups")).toEqual(new Map([[1, "Not a Telegram chat"]]));
    expect(p.requestId).toBe("r-1");
  });

  it("never shows a body that is not a problem", () => {
    const p = problemOf(502, null, "r-2");
    expect(p.title).toBe("The server could not answer");
    expect(p.requestId).toBe("r-2");
  });
});
