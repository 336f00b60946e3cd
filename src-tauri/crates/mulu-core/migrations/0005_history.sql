-- 0003: history of every change to items, withheld entries and not-applicable marks.
--
-- Written by triggers, so every write path (desktop app, `mulu` CLI) is recorded without code in
-- each store function. The triggers call three SQL functions that Store::open registers on every
-- connection (store/history.rs):
--   mulu_change_set(candidate)  the current transaction's change set (the first call in a
--                               transaction takes `candidate`, the next free id);
--   mulu_user()                 the operating-system user;
--   mulu_action()               what the user did (导入, 采用指引, 修改 …).
-- A change set is one user action = one write transaction.
CREATE TABLE change_sets (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    user        TEXT NOT NULL,
    action      TEXT NOT NULL,
    -- the catalog of the first change (no foreign key: history outlives a deleted catalog)
    catalog_id  INTEGER,
    -- the change set that undid this one
    undone_by   INTEGER
);

CREATE TABLE history (
    id          INTEGER PRIMARY KEY,
    change_set  INTEGER NOT NULL REFERENCES change_sets(id),
    catalog_id  INTEGER NOT NULL,
    entity      TEXT NOT NULL CHECK (entity IN ('item', 'withheld', 'not_applicable')),
    -- item id, withheld id, or guideline item id (not-applicable marks), as text
    entity_id   TEXT NOT NULL,
    op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    -- update: the column; insert/delete: NULL
    field       TEXT,
    -- update: the column's old and new value; delete: old_value is the whole row as a JSON object
    old_value   TEXT,
    new_value   TEXT
);
CREATE INDEX history_entity ON history(entity, entity_id, id);
CREATE INDEX history_catalog ON history(catalog_id, id);
CREATE INDEX history_change_set ON history(change_set, id);

-- items ---------------------------------------------------------------------------------------
CREATE TRIGGER items_history_ai AFTER INSERT ON items BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), new.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op)
    VALUES (mulu_change_set(0), new.catalog_id, 'item', new.id, 'insert');
END;

CREATE TRIGGER items_history_au AFTER UPDATE ON items BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    SELECT mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
           mulu_action(), new.catalog_id
    WHERE old.domain IS NOT new.domain OR old.position IS NOT new.position
       OR old.l1 IS NOT new.l1 OR old.l2 IS NOT new.l2 OR old.content IS NOT new.content
       OR old.elements IS NOT new.elements OR old.basis IS NOT new.basis
       OR old.time_limit IS NOT new.time_limit OR old.subject IS NOT new.subject
       OR old.channels IS NOT new.channels OR old.audience IS NOT new.audience
       OR old.audience_group IS NOT new.audience_group OR old.mode IS NOT new.mode
       OR old.level IS NOT new.level OR old.notes IS NOT new.notes
       OR old.guideline_item_id IS NOT new.guideline_item_id
       OR old.guideline_version IS NOT new.guideline_version OR old.modified IS NOT new.modified;
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, field, old_value, new_value)
    SELECT mulu_change_set(0), new.catalog_id, 'item', new.id, 'update', f, o, n FROM (
        SELECT 'domain' AS f, old.domain AS o, new.domain AS n
        UNION ALL SELECT 'position', old.position, new.position
        UNION ALL SELECT 'l1', old.l1, new.l1
        UNION ALL SELECT 'l2', old.l2, new.l2
        UNION ALL SELECT 'content', old.content, new.content
        UNION ALL SELECT 'elements', old.elements, new.elements
        UNION ALL SELECT 'basis', old.basis, new.basis
        UNION ALL SELECT 'time_limit', old.time_limit, new.time_limit
        UNION ALL SELECT 'subject', old.subject, new.subject
        UNION ALL SELECT 'channels', old.channels, new.channels
        UNION ALL SELECT 'audience', old.audience, new.audience
        UNION ALL SELECT 'audience_group', old.audience_group, new.audience_group
        UNION ALL SELECT 'mode', old.mode, new.mode
        UNION ALL SELECT 'level', old.level, new.level
        UNION ALL SELECT 'notes', old.notes, new.notes
        UNION ALL SELECT 'guideline_item_id', old.guideline_item_id, new.guideline_item_id
        UNION ALL SELECT 'guideline_version', old.guideline_version, new.guideline_version
        UNION ALL SELECT 'modified', old.modified, new.modified
    ) WHERE o IS NOT n;
END;

CREATE TRIGGER items_history_ad AFTER DELETE ON items BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), old.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, old_value)
    VALUES (mulu_change_set(0), old.catalog_id, 'item', old.id, 'delete', json_object(
        'id', old.id, 'catalog_id', old.catalog_id, 'domain', old.domain, 'position', old.position,
        'l1', old.l1, 'l2', old.l2, 'content', old.content, 'elements', old.elements,
        'basis', old.basis, 'time_limit', old.time_limit, 'subject', old.subject,
        'channels', old.channels, 'audience', old.audience, 'audience_group', old.audience_group,
        'mode', old.mode, 'level', old.level, 'notes', old.notes,
        'guideline_item_id', old.guideline_item_id, 'guideline_version', old.guideline_version,
        'modified', old.modified));
END;

-- withheld entries ----------------------------------------------------------------------------
CREATE TRIGGER withheld_history_ai AFTER INSERT ON withheld BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), new.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op)
    VALUES (mulu_change_set(0), new.catalog_id, 'withheld', new.id, 'insert');
END;

CREATE TRIGGER withheld_history_au AFTER UPDATE ON withheld BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    SELECT mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
           mulu_action(), new.catalog_id
    WHERE old.domain IS NOT new.domain OR old.name IS NOT new.name
       OR old.ground IS NOT new.ground OR old.detail IS NOT new.detail;
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, field, old_value, new_value)
    SELECT mulu_change_set(0), new.catalog_id, 'withheld', new.id, 'update', f, o, n FROM (
        SELECT 'domain' AS f, old.domain AS o, new.domain AS n
        UNION ALL SELECT 'name', old.name, new.name
        UNION ALL SELECT 'ground', old.ground, new.ground
        UNION ALL SELECT 'detail', old.detail, new.detail
    ) WHERE o IS NOT n;
END;

CREATE TRIGGER withheld_history_ad AFTER DELETE ON withheld BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), old.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, old_value)
    VALUES (mulu_change_set(0), old.catalog_id, 'withheld', old.id, 'delete', json_object(
        'id', old.id, 'catalog_id', old.catalog_id, 'domain', old.domain, 'name', old.name,
        'ground', old.ground, 'detail', old.detail));
END;

-- not-applicable marks ------------------------------------------------------------------------
CREATE TRIGGER not_applicable_history_ai AFTER INSERT ON not_applicable BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), new.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op)
    VALUES (mulu_change_set(0), new.catalog_id, 'not_applicable', new.guideline_item_id, 'insert');
END;

CREATE TRIGGER not_applicable_history_au AFTER UPDATE ON not_applicable
WHEN old.reason IS NOT new.reason BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), new.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, field, old_value, new_value)
    VALUES (mulu_change_set(0), new.catalog_id, 'not_applicable', new.guideline_item_id, 'update',
            'reason', old.reason, new.reason);
END;

CREATE TRIGGER not_applicable_history_ad AFTER DELETE ON not_applicable BEGIN
    INSERT OR IGNORE INTO change_sets (id, user, action, catalog_id)
    VALUES (mulu_change_set((SELECT coalesce(max(id), 0) + 1 FROM change_sets)), mulu_user(),
            mulu_action(), old.catalog_id);
    INSERT INTO history (change_set, catalog_id, entity, entity_id, op, old_value)
    VALUES (mulu_change_set(0), old.catalog_id, 'not_applicable', old.guideline_item_id, 'delete',
            json_object('catalog_id', old.catalog_id, 'guideline_item_id', old.guideline_item_id,
                        'reason', old.reason));
END;
