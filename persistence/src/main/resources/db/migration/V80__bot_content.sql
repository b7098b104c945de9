-- Issue 15: a bot's posts (formats, variants, buttons) and their rotation, as one JSON document
-- (dev.herald.domain.content.BotPostsJson). NULL on rows saved before: their one post is the flat
-- columns, which keep holding the first post. A formatted source may exceed Telegram's 4096
-- characters (the limit is counted after parsing), so post_text loses its length cap.
ALTER TABLE bot ADD COLUMN content_json TEXT;
ALTER TABLE bot ALTER COLUMN post_text TYPE TEXT;
