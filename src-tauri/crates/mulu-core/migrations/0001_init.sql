-- 0001: units, catalogs, items, negative list, not-applicable marks, guideline library.
-- List-valued fields are JSON text; enumerations are stored as their Chinese terms.

CREATE TABLE units (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind    TEXT NOT NULL CHECK (kind IN ('县级部门', '乡镇', '街道')),
    region  TEXT NOT NULL DEFAULT '[]'
);
CREATE UNIQUE INDEX units_name ON units(name);

CREATE TABLE catalogs (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES units(id) ON DELETE RESTRICT,
    year        INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title       TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '已提交', '已审核')),
    domains     TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (unit_id, year)
);

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    catalog_id      INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    domain          TEXT NOT NULL,
    position        INTEGER NOT NULL,
    l1              TEXT NOT NULL DEFAULT '',
    l2              TEXT NOT NULL DEFAULT '',
    content         TEXT NOT NULL DEFAULT '',
    elements        TEXT NOT NULL DEFAULT '[]',
    basis           TEXT NOT NULL DEFAULT '[]',
    time_limit      TEXT NOT NULL DEFAULT '',
    subject         TEXT NOT NULL DEFAULT '',
    channels        TEXT NOT NULL DEFAULT '{"standard":[],"extra":[]}',
    audience        TEXT NOT NULL DEFAULT '[]',
    audience_group  TEXT,
    mode            TEXT NOT NULL DEFAULT '[]',
    level           TEXT NOT NULL DEFAULT '[]',
    notes           TEXT NOT NULL DEFAULT '',
    -- provenance: guideline item id + data version it was adopted from, or NULL for 本级特色事项
    guideline_item_id   TEXT,
    guideline_version   TEXT,
    modified            INTEGER NOT NULL DEFAULT 0,
    CHECK ((guideline_item_id IS NULL) = (guideline_version IS NULL))
);
CREATE INDEX items_catalog ON items(catalog_id, domain, position);

CREATE TABLE withheld (
    id          INTEGER PRIMARY KEY,
    catalog_id  INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    domain      TEXT,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    ground      TEXT CHECK (ground IN ('条例第十四条', '条例第十五条', '条例第十六条')),
    detail      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE not_applicable (
    catalog_id          INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    guideline_item_id   TEXT NOT NULL,
    reason              TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    PRIMARY KEY (catalog_id, guideline_item_id)
);

-- Guideline library: every loaded version of every domain is kept, so items adopted from an
-- older version can still show the text they came from. The current version is the latest seq.
CREATE TABLE guideline_domains (
    name     TEXT PRIMARY KEY,
    number   INTEGER NOT NULL,
    builtin  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE guideline_versions (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    domain        TEXT NOT NULL REFERENCES guideline_domains(name) ON DELETE CASCADE,
    data_version  TEXT NOT NULL,
    data          TEXT NOT NULL,
    loaded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    UNIQUE (domain, data_version)
);
