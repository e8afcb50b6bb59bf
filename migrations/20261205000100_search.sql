-- Word search over the posts' titles and descriptions (#17): an FTS5 index reading its text
-- from `posts` (external content: the text is stored once). The tokenizer lowers case and
-- removes diacritics, so "epicerie" finds "Épicerie"; prefixes of 2 and 3 letters are indexed
-- because every searched word is a prefix ("course" finds "courses").
--
-- Unlike the map's R*Trees, it is kept by triggers: it follows the text, which only `posts`
-- holds, whatever writes it (publishing, an author's edit, a redaction, an erasure). Which
-- posts a search may show is decided by the same conditions as every public list
-- (src/server/db/map.rs), so pending or hidden posts are indexed but never found.
CREATE VIRTUAL TABLE posts_fts USING fts5 (
    title,
    description,
    content = 'posts',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');

CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN
    INSERT INTO posts_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE TRIGGER posts_fts_update AFTER UPDATE OF title, description ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
    INSERT INTO posts_fts (rowid, title, description) VALUES (new.id, new.title, new.description);
END;

CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN
    INSERT INTO posts_fts (posts_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
