// The schema as a list of migrations. `PRAGMA user_version` is the number of migrations applied;
// each runs in its own transaction (see open.ts). Never edit a released migration: add a new one.

import type Database from 'better-sqlite3';

/** Written to `PRAGMA application_id` so that another program's SQLite file is never migrated. */
export const APPLICATION_ID = 0x51574154; // "QWAT"

export interface Migration {
  version: number;
  /** What it adds, for the backup's name and for people reading the code. */
  name: string;
  up: (db: Database.Database) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'submissions',
    up(db) {
      db.exec(`
        -- Places. key = the same normalised identity shared/check.ts uses to match villages across inputs.
        CREATE TABLE townships (
          id   INTEGER PRIMARY KEY,
          key  TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL
        );
        CREATE TABLE villages (
          id          INTEGER PRIMARY KEY,
          township_id INTEGER NOT NULL REFERENCES townships(id),
          key         TEXT NOT NULL UNIQUE,
          name        TEXT NOT NULL
        );
        CREATE INDEX villages_township ON villages(township_id);

        -- One import = one transaction. Undo deletes it; everything below cascades.
        CREATE TABLE imports (
          id            INTEGER PRIMARY KEY,
          imported_at   TEXT NOT NULL,            -- ISO 8601, UTC
          rule_set      TEXT NOT NULL,
          rule_set_json TEXT NOT NULL,
          persons       INTEGER NOT NULL DEFAULT 0,
          villages      INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE import_files (
          id          INTEGER PRIMARY KEY,
          import_id   INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
          name        TEXT NOT NULL,
          path        TEXT NOT NULL,
          hash        TEXT NOT NULL,              -- sha256 of the bytes, hex
          size        INTEGER NOT NULL,
          ok          INTEGER NOT NULL,           -- 0: could not be read (kept for the record, never deduplicated)
          message     TEXT NOT NULL,
          report_json TEXT NOT NULL               -- shared/reading FileReport: how each sheet was read
        );
        CREATE INDEX import_files_import ON import_files(import_id);
        CREATE INDEX import_files_hash ON import_files(hash);

        -- Everything one input (one sheet's group of rows) says about one village.
        CREATE TABLE submissions (
          id           INTEGER PRIMARY KEY,
          import_id    INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
          file_id      INTEGER NOT NULL REFERENCES import_files(id) ON DELETE CASCADE,
          village_id   INTEGER NOT NULL REFERENCES villages(id),
          township_text TEXT NOT NULL,            -- names as the input gave them
          village_text TEXT NOT NULL,
          own_verdict  INTEGER,                   -- the township's own 是否达标: 1/0, NULL when absent
          own_sheet    TEXT,
          own_row      INTEGER
        );
        CREATE INDEX submissions_import ON submissions(import_id);
        CREATE INDEX submissions_file ON submissions(file_id);
        CREATE INDEX submissions_village ON submissions(village_id);

        -- A list of person rows. Two parts of one input share one roster (a sheet with both seats and
        -- 是否村民代表), so the rows are stored once and the row objects stay shared when read back.
        CREATE TABLE rosters (
          id            INTEGER PRIMARY KEY,
          submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
          sheet         TEXT NOT NULL
        );
        CREATE INDEX rosters_submission ON rosters(submission_id);

        -- A village's part (两委 or 村民代表) as one submission gives it. The current part of a village and
        -- kind is the one with the highest id: imports only add, undo deletes, so no flag to keep in step.
        CREATE TABLE parts (
          id            INTEGER PRIMARY KEY,
          submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
          import_id     INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
          village_id    INTEGER NOT NULL REFERENCES villages(id),
          kind          TEXT NOT NULL CHECK (kind IN ('committees', 'representatives')),
          form          TEXT NOT NULL CHECK (form IN ('roster', 'counts')),
          roster_id     INTEGER REFERENCES rosters(id) ON DELETE CASCADE,
          members       INTEGER,                  -- counts form, committees
          women         INTEGER,                  -- counts form, either kind
          chair_seated  INTEGER,                  -- counts form, committees: 1/0/NULL
          total         INTEGER,                  -- counts form, representatives
          src_sheet     TEXT NOT NULL,
          src_row       INTEGER,
          CHECK ((form = 'roster') = (roster_id IS NOT NULL))
        );
        CREATE INDEX parts_current ON parts(village_id, kind, id);
        CREATE INDEX parts_roster ON parts(roster_id);
        CREATE INDEX parts_import ON parts(import_id);
        CREATE INDEX parts_submission ON parts(submission_id);

        -- shared/model.ts PersonRow, as read. The full ID number stays here (on the user's machine);
        -- masking happens where it is shown or exported.
        CREATE TABLE person_rows (
          id              INTEGER PRIMARY KEY,
          roster_id       INTEGER NOT NULL REFERENCES rosters(id) ON DELETE CASCADE,
          row             INTEGER,
          name            TEXT NOT NULL,
          display_name    TEXT NOT NULL,
          declared_gender TEXT NOT NULL CHECK (declared_gender IN ('female', 'male', 'unknown')),
          id_number       TEXT,
          id_from_number  INTEGER NOT NULL,
          id_key          TEXT,                   -- the normalised number when it passes the check: finds one person in two villages
          post_text       TEXT NOT NULL,
          seats           TEXT NOT NULL,          -- "party:secretary villagers:director", '' for none
          is_chair        INTEGER NOT NULL,
          other_posts     TEXT,                   -- JSON array, NULL when empty
          representative  INTEGER                 -- 1/0, NULL when the row is silent
        );
        CREATE INDEX person_rows_roster ON person_rows(roster_id);
        CREATE INDEX person_rows_id_key ON person_rows(id_key) WHERE id_key IS NOT NULL;

        -- A verdict per village per import that changed it; the current one has the highest id.
        CREATE TABLE verdicts (
          id                    INTEGER PRIMARY KEY,
          import_id             INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
          village_id            INTEGER NOT NULL REFERENCES villages(id),
          township_text         TEXT NOT NULL,
          village_text          TEXT NOT NULL,
          rule_set              TEXT NOT NULL,
          status                TEXT NOT NULL CHECK (status IN ('compliant', 'noncompliant', 'incomplete')),
          committee_members     INTEGER,
          committee_women       INTEGER,
          representatives       INTEGER,
          women_representatives INTEGER
        );
        CREATE INDEX verdicts_current ON verdicts(village_id, id);
        CREATE INDEX verdicts_import ON verdicts(import_id);
        CREATE TABLE verdict_parts (
          verdict_id INTEGER NOT NULL REFERENCES verdicts(id) ON DELETE CASCADE,
          ord        INTEGER NOT NULL,
          part       TEXT NOT NULL,               -- rule part id, e.g. womanInCommittees
          label      TEXT NOT NULL,
          outcome    TEXT NOT NULL CHECK (outcome IN ('pass', 'fail', 'unknown')),
          reason     TEXT NOT NULL,
          PRIMARY KEY (verdict_id, ord)
        ) WITHOUT ROWID;

        -- Findings from reading (file_id set) or from judging a village (verdict_id set).
        CREATE TABLE findings (
          id         INTEGER PRIMARY KEY,
          import_id  INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
          file_id    INTEGER REFERENCES import_files(id) ON DELETE CASCADE,
          verdict_id INTEGER REFERENCES verdicts(id) ON DELETE CASCADE,
          village_id INTEGER REFERENCES villages(id),
          severity   TEXT NOT NULL,
          code       TEXT NOT NULL,
          file       TEXT NOT NULL,
          sheet      TEXT,
          row        INTEGER,
          township   TEXT,
          village    TEXT,
          message    TEXT NOT NULL
        );
        CREATE INDEX findings_import ON findings(import_id);
        CREATE INDEX findings_file ON findings(file_id);
        CREATE INDEX findings_verdict ON findings(verdict_id);
        CREATE INDEX findings_village ON findings(village_id);
      `);
    },
  },
  {
    version: 2,
    name: 'expected-villages',
    up(db) {
      db.exec(`
        -- The master list of villages a county expects to report (应报村). Setting a list replaces the
        -- previous one; master_lists keeps the record of which file was used when.
        CREATE TABLE master_lists (
          id        INTEGER PRIMARY KEY,
          file_name TEXT NOT NULL,
          hash      TEXT NOT NULL,
          set_at    TEXT NOT NULL,
          villages  INTEGER NOT NULL
        );
        CREATE TABLE expected_villages (
          village_id    INTEGER PRIMARY KEY REFERENCES villages(id),
          list_id       INTEGER NOT NULL REFERENCES master_lists(id),
          township_text TEXT NOT NULL,
          village_text  TEXT NOT NULL,
          sheet         TEXT,
          row           INTEGER
        );
      `);
    },
  },
  {
    version: 3,
    name: 'settings',
    up(db) {
      db.exec(`
        -- The user's settings that belong with the data (the rule set in force, ID masking): a backup
        -- and a restore carry them along. Values are JSON.
        CREATE TABLE settings (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    version: 4,
    name: 'layouts',
    up(db) {
      db.exec(`
        -- Layouts a person confirmed (shared/reading/corrections.ts), found again by the header's signature
        -- (its normalised words in order): the same layout in a later file is read by it on its own.
        -- layout is JSON, relative to the table (header rows from the first, columns by their place).
        CREATE TABLE layouts (
          id         INTEGER PRIMARY KEY,
          signature  TEXT NOT NULL UNIQUE,
          layout     TEXT NOT NULL,
          file       TEXT NOT NULL,
          sheet      TEXT NOT NULL,
          saved_at   TEXT NOT NULL
        );
      `);
    },
  },
  {
    version: 5,
    name: 'person-age-education',
    up(db) {
      // The work plan's wider aim (age, education of women on the committees): as the file gives them,
      // NULL when it gives none. Never guessed.
      db.exec(`
        ALTER TABLE person_rows ADD COLUMN education  TEXT;    -- 学历 / 文化程度 as written
        ALTER TABLE person_rows ADD COLUMN birth_date TEXT;    -- 出生年月: 'YYYY-MM' or 'YYYY-MM-DD'
        ALTER TABLE person_rows ADD COLUMN stated_age INTEGER; -- 年龄 as stated
      `);
    },
  },
  {
    version: 6,
    name: 'master-lists-kept',
    up(db) {
      // Every master list loaded is kept with its entries (store/master-lists.ts), so that a report as of an
      // earlier import uses the list in force then. Entries name their village by key, not by id: an undo
      // may remove a village that only an older list names. after_import: the latest import when the list
      // was loaded (NULL: none yet). expected_villages stays the list in force now.
      db.exec(`
        ALTER TABLE master_lists ADD COLUMN after_import INTEGER;
        UPDATE master_lists SET after_import = (SELECT max(i.id) FROM imports i WHERE i.imported_at <= master_lists.set_at);
        CREATE TABLE master_list_villages (
          list_id       INTEGER NOT NULL REFERENCES master_lists(id) ON DELETE CASCADE,
          ord           INTEGER NOT NULL,
          village_key   TEXT NOT NULL,            -- shared/check.ts villageIdentity of the names below
          township_key  TEXT NOT NULL,
          township_text TEXT NOT NULL,
          village_text  TEXT NOT NULL,
          sheet         TEXT,
          row           INTEGER,
          PRIMARY KEY (list_id, ord)
        ) WITHOUT ROWID;
        INSERT INTO master_list_villages (list_id, ord, village_key, township_key, township_text, village_text, sheet, row)
          SELECT e.list_id, e.rowid, v.key, t.key, e.township_text, e.village_text, e.sheet, e.row
          FROM expected_villages e JOIN villages v ON v.id = e.village_id JOIN townships t ON t.id = v.township_id;
      `);
    },
  },
  {
    version: 7,
    name: 'verdict-provisional',
    up(db) {
      db.exec(`
        -- Why the reading a verdict rests on is provisional (待核对): a JSON array of reasons (shared/model.ts
        -- Verdict.provisional), NULL when every part rests on a familiar or confirmed layout.
        ALTER TABLE verdicts ADD COLUMN provisional TEXT;
        -- The figures count outcomes by part over the current verdicts: read from this index alone, not
        -- from the table's rows with their reasons.
        CREATE INDEX verdict_parts_outcome ON verdict_parts(verdict_id, part, outcome);
      `);
    },
  },
  {
    version: 8,
    name: 'part-provisional',
    up(db) {
      db.exec(`
        -- Why the reading a stored part came from is provisional (待核对): a JSON array of reasons (shared/model.ts
        -- VillagePart.provisional), NULL when it rests on a familiar or confirmed layout. A village judged again
        -- later from its stored parts keeps the flag of the part that still stands.
        ALTER TABLE parts ADD COLUMN provisional TEXT;
      `);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
