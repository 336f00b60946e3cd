-- 0005: the portal's 信息公开专栏 columns of a catalog, and which column each item is published in.
-- A column is identified by its path (segments joined by '/', e.g.
-- 政府信息公开/法定主动公开内容/社会救助/最低生活保障); parents are columns of their own.
CREATE TABLE portal_columns (
    id          INTEGER PRIMARY KEY,
    catalog_id  INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    path        TEXT NOT NULL CHECK (length(trim(path)) > 0),
    url         TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL,
    UNIQUE (catalog_id, path)
);
CREATE INDEX portal_columns_catalog ON portal_columns(catalog_id, position);

CREATE TABLE item_columns (
    item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    column_id  INTEGER NOT NULL REFERENCES portal_columns(id) ON DELETE CASCADE
);
CREATE INDEX item_columns_column ON item_columns(column_id);
