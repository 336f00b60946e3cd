-- 0002: full-text search over items. The trigram tokenizer matches any Chinese substring of three
-- characters or more; shorter queries fall back to LIKE in store::search.
CREATE VIRTUAL TABLE items_fts USING fts5(
    l1, l2, content, basis, subject, notes,
    content = 'items', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER items_fts_ai AFTER INSERT ON items BEGIN
    INSERT INTO items_fts(rowid, l1, l2, content, basis, subject, notes)
    VALUES (new.id, new.l1, new.l2, new.content, new.basis, new.subject, new.notes);
END;
CREATE TRIGGER items_fts_ad AFTER DELETE ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, l1, l2, content, basis, subject, notes)
    VALUES ('delete', old.id, old.l1, old.l2, old.content, old.basis, old.subject, old.notes);
END;
CREATE TRIGGER items_fts_au AFTER UPDATE OF l1, l2, content, basis, subject, notes ON items BEGIN
    INSERT INTO items_fts(items_fts, rowid, l1, l2, content, basis, subject, notes)
    VALUES ('delete', old.id, old.l1, old.l2, old.content, old.basis, old.subject, old.notes);
    INSERT INTO items_fts(rowid, l1, l2, content, basis, subject, notes)
    VALUES (new.id, new.l1, new.l2, new.content, new.basis, new.subject, new.notes);
END;
INSERT INTO items_fts(items_fts) VALUES ('rebuild');
