-- 0004: the county reviewer's desk (issue 16). The county's list of units, each unit's submissions by
-- round (one row per round; checking the same file again replaces its row), and the reviewer's decision
-- on each finding, keyed by unit + rule + place (sheet!cell, or sheet and row, or item, or domain) so
-- that it survives re-checking and carries over to the next round while the same finding is reported.
CREATE TABLE desk_units (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE,
    kind     TEXT CHECK (kind IS NULL OR kind IN ('县级部门', '乡镇', '街道')),
    position INTEGER NOT NULL
);
CREATE TABLE desk_submissions (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES desk_units(id) ON DELETE CASCADE,
    round       INTEGER NOT NULL CHECK (round >= 1),
    received    TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    path        TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    -- The file was matched to the unit by a similar name or its file name: the reviewer should confirm.
    unsure      INTEGER NOT NULL DEFAULT 0,
    readable    INTEGER NOT NULL,
    errors      INTEGER NOT NULL,
    warnings    INTEGER NOT NULL,
    infos       INTEGER NOT NULL,
    coverage    REAL,
    -- The whole mulu_review::FileCheck as JSON.
    result      TEXT NOT NULL,
    UNIQUE (unit_id, round)
);
CREATE TABLE desk_decisions (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES desk_units(id) ON DELETE CASCADE,
    rule       TEXT NOT NULL,
    place      TEXT NOT NULL,
    decision   TEXT NOT NULL CHECK (decision IN ('采纳', '不采纳')),
    reason     TEXT NOT NULL DEFAULT '',
    reviewer   TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    -- The round in which the decision was made.
    round      INTEGER NOT NULL,
    UNIQUE (unit_id, rule, place)
);
