package dev.herald.domain.content;

import java.util.ArrayList;
import java.util.List;

/**
 * A text with variants: {@code {Hello|Hi|Hey} there} is one of three texts. Groups nest ({@code
 * {Hi|Hello{ there|!}}}); a backslash escapes a brace, a bar or itself ({@code \{}, {@code \}},
 * {@code \|}, {@code \\}). Outside a group a bar is an ordinary character.
 *
 * <p>The renderings are numbered 0 to {@link #count()} - 1 and different numbers give different
 * choices, so a cycle that gives its chats consecutive numbers gives no two of them the same choice
 * while there are enough. In MarkdownV2 a backslash is also the escape, so {@link #render} keeps
 * escapes as they are written when asked to ({@code keepEscapes}) and Telegram's parser unescapes
 * them; for plain text and HTML it unescapes them itself.
 */
public final class VariantText {

  /** Deeper nesting is refused: no one writes it, and it bounds the parser's recursion. */
  public static final int MAX_DEPTH = 16;

  private final Sequence root;

  private VariantText(Sequence root) {
    this.root = root;
  }

  /**
   * Parses a template.
   *
   * @throws VariantSyntaxException for an unclosed or unmatched brace, or nesting deeper than
   *     {@link #MAX_DEPTH}, naming the character's position (1-based)
   */
  public static VariantText parse(String template) {
    Parser parser = new Parser(template);
    Sequence root = parser.sequence(0);
    if (parser.at < template.length()) {
      throw new VariantSyntaxException(
          "Unmatched '}' at character " + (parser.at + 1) + ": escape it as \\}.");
    }
    return new VariantText(root);
  }

  /** A template that does not parse is its own only rendering (stored texts from before). */
  public static VariantText parseOrLiteral(String template) {
    try {
      return parse(template);
    } catch (VariantSyntaxException notVariants) {
      return new VariantText(new Sequence(List.of(new Literal(template, template)), 1));
    }
  }

  /** How many different choices the template has (saturates at {@link Long#MAX_VALUE}). */
  public long count() {
    return root.count();
  }

  /** True when the template has more than one rendering. */
  public boolean hasVariants() {
    return count() > 1;
  }

  /** Rendering number {@code index} (taken modulo {@link #count()}). */
  public String render(long index, boolean keepEscapes) {
    StringBuilder out = new StringBuilder();
    root.render(Math.floorMod(index, count()), keepEscapes, out);
    return out.toString();
  }

  private interface Node {
    long count();

    void render(long index, boolean keepEscapes, StringBuilder out);
  }

  /** Characters, with ({@code raw}) and without ({@code text}) their escapes. */
  private record Literal(String text, String raw) implements Node {
    @Override
    public long count() {
      return 1;
    }

    @Override
    public void render(long index, boolean keepEscapes, StringBuilder out) {
      out.append(keepEscapes ? raw : text);
    }
  }

  /** Parts one after another: the index is read as a mixed-radix number, one digit per part. */
  private record Sequence(List<Node> parts, long count) implements Node {
    @Override
    public void render(long index, boolean keepEscapes, StringBuilder out) {
      long rest = index;
      for (Node part : parts) {
        long n = part.count();
        part.render(rest % n, keepEscapes, out);
        rest /= n;
      }
    }
  }

  /** One of the alternatives: the index falls into one alternative's range. */
  private record Choice(List<Sequence> alternatives, long count) implements Node {
    @Override
    public void render(long index, boolean keepEscapes, StringBuilder out) {
      long rest = index;
      for (Sequence alternative : alternatives) {
        if (rest < alternative.count()) {
          alternative.render(rest, keepEscapes, out);
          return;
        }
        rest -= alternative.count();
      }
      alternatives.get(alternatives.size() - 1).render(0, keepEscapes, out);
    }
  }

  private static final class Parser {
    private final String in;
    private int at;

    Parser(String in) {
      this.in = in;
    }

    /** Parts up to the end, or (inside a group) up to the next unescaped '|' or '}'. */
    Sequence sequence(int depth) {
      List<Node> parts = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      StringBuilder raw = new StringBuilder();
      long count = 1;
      while (at < in.length()) {
        char c = in.charAt(at);
        if (c == '\\' && at + 1 < in.length() && "{}|\\".indexOf(in.charAt(at + 1)) >= 0) {
          text.append(in.charAt(at + 1));
          raw.append(c).append(in.charAt(at + 1));
          at += 2;
        } else if (c == '{') {
          flush(parts, text, raw);
          Choice choice = choice(depth + 1);
          parts.add(choice);
          count = times(count, choice.count());
        } else if (c == '}' || (depth > 0 && c == '|')) {
          break;
        } else {
          text.append(c);
          raw.append(c);
          at++;
        }
      }
      flush(parts, text, raw);
      return new Sequence(List.copyOf(parts), count);
    }

    private Choice choice(int depth) {
      int open = at;
      if (depth > MAX_DEPTH) {
        throw new VariantSyntaxException(
            "Variants nested deeper than " + MAX_DEPTH + " at character " + (open + 1) + ".");
      }
      at++;
      List<Sequence> alternatives = new ArrayList<>();
      long count = 0;
      while (true) {
        Sequence alternative = sequence(depth);
        alternatives.add(alternative);
        count = plus(count, alternative.count());
        if (at >= in.length()) {
          throw new VariantSyntaxException(
              "Unclosed '{' at character " + (open + 1) + ": close it with } or escape it as \\{.");
        }
        char c = in.charAt(at++);
        if (c == '}') {
          return new Choice(List.copyOf(alternatives), count);
        }
      }
    }

    private static void flush(List<Node> parts, StringBuilder text, StringBuilder raw) {
      if (raw.length() > 0) {
        parts.add(new Literal(text.toString(), raw.toString()));
        text.setLength(0);
        raw.setLength(0);
      }
    }

    private static long times(long a, long b) {
      return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    private static long plus(long a, long b) {
      return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
  }
}
