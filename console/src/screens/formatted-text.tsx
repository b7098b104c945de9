import type { ComponentChildren } from "preact";
import type { TextEntity } from "../types";

/** The tag each entity type is shown with; types without one (mentions, hashtags) stay plain. */
function wrap(entity: TextEntity, inner: ComponentChildren): ComponentChildren {
  switch (entity.type) {
    case "bold":
      return <strong>{inner}</strong>;
    case "italic":
      return <em>{inner}</em>;
    case "underline":
      return <u>{inner}</u>;
    case "strikethrough":
      return <s>{inner}</s>;
    case "spoiler":
      return <span class="spoiler">{inner}</span>;
    case "code":
    case "pre":
      return <code>{inner}</code>;
    case "text_link":
      return (
        <a href={entity.url ?? "#"} rel="noopener noreferrer" target="_blank">
          {inner}
        </a>
      );
    case "blockquote":
    case "expandable_blockquote":
      return <q>{inner}</q>;
    default:
      return inner;
  }
}

/**
 * A text with its entities as Telegram shows them: the text is cut at every entity boundary and each
 * piece wrapped in the tags of the entities covering it (offsets are UTF-16, as JavaScript counts).
 */
export function FormattedText({ text, entities }: { text: string; entities: TextEntity[] }) {
  const cuts = new Set<number>([0, text.length]);
  entities.forEach((e) => {
    cuts.add(e.offset);
    cuts.add(e.offset + e.length);
  });
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const pieces: ComponentChildren[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    let piece: ComponentChildren = text.slice(from, to);
    entities
      .filter((e) => e.offset <= from && e.offset + e.length >= to)
      .forEach((e) => {
        piece = wrap(e, piece);
      });
    pieces.push(<span key={from}>{piece}</span>);
  }
  return <>{pieces}</>;
}
