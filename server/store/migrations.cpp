#include "store/migrations.hpp"

#include <array>
#include <string>

#include "audit/audit_chain.hpp"
#include "lending/reminder_policy_store.hpp"
#include "lending/rule_store.hpp"

namespace madoguchi::server::store {
namespace {

// Times are UTC ISO 8601 strings ("2026-11-25T01:00:00Z"), as everywhere in the store.
constexpr std::array migrations{
    Migration{1, "schema_migrations and server_events", R"SQL(
CREATE TABLE schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
) STRICT;

-- Lifecycle of the server process, for operators reading the database after an incident.
CREATE TABLE server_events (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('started', 'stopped')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX server_events_by_time ON server_events (occurred_at);
)SQL"},
    Migration{2, "audit_log", R"SQL(
-- One row per state change of a business object, written in the change's own transaction.
-- before_json/after_json hold the object's JSON; NULL before a creation, after a deletion.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
) STRICT;
CREATE INDEX audit_log_by_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_by_time ON audit_log (occurred_at);
)SQL"},
    Migration{3, "idempotency_keys", R"SQL(
-- The first successful answer to each Idempotency-Key, replayed when the same request comes
-- again (a retried or doubled submit). Keys are per principal: two users may pick the same key.
CREATE TABLE idempotency_keys (
    principal TEXT NOT NULL,
    key TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response_status INTEGER NOT NULL,
    response_body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (principal, key)
) STRICT;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
)SQL"},
    Migration{4, "inquiries", R"SQL(
-- 問い合わせ from staff. number is INQ-<year in Asia/Tokyo>-<sequence within that year>.
CREATE TABLE inquiries (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    number_year INTEGER NOT NULL,
    number_sequence INTEGER NOT NULL,
    requester_name TEXT NOT NULL,
    division TEXT NOT NULL,
    contact TEXT NOT NULL,
    category TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    received_at TEXT NOT NULL,
    UNIQUE (number_year, number_sequence)
) STRICT;
)SQL"},
    Migration{5, "identity: divisions, users, roles, sessions, login throttle", R"SQL(
-- 課室: the ministry's organisation as a tree (bureau → division); users belong to one.
CREATE TABLE divisions (
    code TEXT PRIMARY KEY,
    parent_code TEXT REFERENCES divisions (code),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX divisions_by_parent ON divisions (parent_code);

-- password_hash is an Argon2id string (libsodium's crypto_pwhash_str); NULL for an account
-- that cannot sign in with a password (imported, not yet given one). vendor_company names
-- the company of a vendor user; a vendor sees only tasks assigned to it.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    division_code TEXT NOT NULL REFERENCES divisions (code),
    vendor_company TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX users_by_division ON users (division_code);

CREATE TABLE user_roles (
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'operator', 'it_office', 'vendor', 'auditor', 'admin')),
    PRIMARY KEY (user_id, role)
) WITHOUT ROWID, STRICT;

-- A signed-in browser. token_hash is the SHA-256 of the cookie's token: the database never
-- holds a usable session.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    source_address TEXT NOT NULL
) WITHOUT ROWID, STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failed sign-ins per key ("login:<name>" or "address:<ip>"), for throttling and lockout.
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    blocked_until TEXT NOT NULL
) WITHOUT ROWID, STRICT;

-- Who sent an inquiry; NULL for inquiries received before sign-in existed.
ALTER TABLE inquiries ADD COLUMN requester_user_id INTEGER REFERENCES users (id);
CREATE INDEX inquiries_by_requester ON inquiries (requester_user_id);

-- The audit trail learns the actor's role and address.
ALTER TABLE audit_log ADD COLUMN actor_roles TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN source_address TEXT NOT NULL DEFAULT '';
-- Every write pays for the audit trail's indexes: measured, the two of them doubled the cost
-- of recording a change, while the row alone costs next to nothing. Records are found by
-- time through their ids instead (ids grow with time), and by object within a time range.
DROP INDEX audit_log_by_object;
DROP INDEX audit_log_by_time;
)SQL"},
    Migration{6, "audit_log hash chain, append-only", R"SQL(
-- Each record holds the SHA-256 of the previous record's hash and its own columns
-- (audit/audit_chain.hpp), so a changed, removed or inserted record breaks the chain.
-- Records written before the chain existed are hashed by this migration's C++ step; that is
-- the one UPDATE a record ever gets, hence the trigger admits only a record still unhashed.
ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN OLD.hash IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)SQL",
              audit::chain_unhashed_records},
    Migration{7, "server_events records backups", R"SQL(
-- The scheduled backup's outcome joins the lifecycle. A CHECK constraint cannot be altered
-- in SQLite: the table is rebuilt with its rows and index.
CREATE TABLE server_events_rebuilt (
    id INTEGER PRIMARY KEY,
    occurred_at TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('started', 'stopped', 'backup_succeeded', 'backup_failed')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO server_events_rebuilt (id, occurred_at, kind, detail)
    SELECT id, occurred_at, kind, detail FROM server_events;
DROP TABLE server_events;
ALTER TABLE server_events_rebuilt RENAME TO server_events;
CREATE INDEX server_events_by_time ON server_events (occurred_at);
)SQL"},
    Migration{8, "audit_clock_steps", R"SQL(
-- The audit trail is searched by time by bisecting its ids, which is exact while stamps grow
-- with ids. A record stamped earlier than the one before it (the clock was set back) is
-- listed here; while any is, time searches read the stamps themselves.
CREATE TABLE audit_clock_steps (
    audit_id INTEGER PRIMARY KEY
) STRICT;
INSERT INTO audit_clock_steps (audit_id)
    SELECT id FROM (SELECT id, occurred_at, lag(occurred_at) OVER (ORDER BY id) AS previous FROM audit_log)
    WHERE occurred_at < previous;
)SQL"},
    Migration{9, "inventory: locations, device models, devices", R"SQL(
-- The ledger (shared/inventory). Names are found by search_fold() (shared/text/search_fold.hpp,
-- registered on every connection by store::Database), so kana typed either way finds the
-- same device; a tool that does not register it cannot write devices or users.
CREATE TABLE locations (
    id INTEGER PRIMARY KEY,
    building TEXT NOT NULL,
    floor TEXT NOT NULL DEFAULT '',
    room TEXT NOT NULL DEFAULT '',
    UNIQUE (building, floor, room)
) STRICT;

CREATE TABLE device_models (
    id INTEGER PRIMARY KEY,
    maker TEXT NOT NULL,
    name TEXT NOT NULL,
    class TEXT NOT NULL,
    consumables TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    UNIQUE (maker, name)
) STRICT;

CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    asset_tag TEXT NOT NULL UNIQUE,
    serial TEXT NOT NULL DEFAULT '',
    class TEXT NOT NULL,
    model_id INTEGER REFERENCES device_models (id),
    location_id INTEGER REFERENCES locations (id),
    division_code TEXT NOT NULL DEFAULT '',
    custodian_login TEXT NOT NULL DEFAULT '',
    accessories TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    network_address TEXT NOT NULL DEFAULT '',
    snmp_profile TEXT NOT NULL DEFAULT '',
    toner_delivery_address TEXT NOT NULL DEFAULT '',
    toner_contact TEXT NOT NULL DEFAULT '',
    contract_start TEXT,
    contract_end TEXT,
    notes TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    -- What the free-text search reads, kept by the triggers below: tag, serial, model,
    -- location and custodian, folded by search_fold().
    search_text TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX devices_by_class_state ON devices (class, state);
CREATE INDEX devices_by_division ON devices (division_code);
CREATE INDEX devices_by_custodian ON devices (custodian_login);
CREATE INDEX devices_by_location ON devices (location_id);
CREATE INDEX devices_by_update ON devices (updated_at, id);

CREATE VIEW device_search_source AS
    SELECT d.id, search_fold(d.asset_tag || ' ' || d.serial || ' ' || coalesce(m.maker || m.name, '') || ' ' ||
                             coalesce(l.building || l.floor || l.room, '') || ' ' || d.custodian_login || ' ' ||
                             coalesce(u.name, '') || ' ' || coalesce(u.name_kana, '')) AS text
    FROM devices d
    LEFT JOIN device_models m ON m.id = d.model_id
    LEFT JOIN locations l ON l.id = d.location_id
    LEFT JOIN users u ON u.login = d.custodian_login;
CREATE TRIGGER devices_search_on_insert AFTER INSERT ON devices BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source WHERE id = NEW.id) WHERE id = NEW.id;
END;
CREATE TRIGGER devices_search_on_update
    AFTER UPDATE OF asset_tag, serial, model_id, location_id, custodian_login ON devices BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source WHERE id = NEW.id) WHERE id = NEW.id;
END;
CREATE TRIGGER devices_search_on_custodian AFTER UPDATE OF login, name, name_kana ON users BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source s WHERE s.id = devices.id)
        WHERE custodian_login IN (OLD.login, NEW.login);
END;
CREATE TRIGGER devices_search_on_new_custodian AFTER INSERT ON users BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source s WHERE s.id = devices.id)
        WHERE custodian_login = NEW.login;
END;
CREATE TRIGGER devices_search_on_model AFTER UPDATE OF maker, name ON device_models BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source s WHERE s.id = devices.id)
        WHERE model_id = NEW.id;
END;
CREATE TRIGGER devices_search_on_location AFTER UPDATE OF building, floor, room ON locations BEGIN
    UPDATE devices SET search_text = (SELECT text FROM device_search_source s WHERE s.id = devices.id)
        WHERE location_id = NEW.id;
END;

-- A device's history is its audit records; this finds them without an index on the trail.
CREATE TABLE device_history (
    device_id INTEGER NOT NULL REFERENCES devices (id),
    audit_id INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (device_id, audit_id)
) WITHOUT ROWID, STRICT;

-- Staff names as they are read (フリガナ), for finding a custodian by kana.
ALTER TABLE users ADD COLUMN name_kana TEXT NOT NULL DEFAULT '';
)SQL"},
    Migration{10, "configuration: items, licences, settings versions, documents", R"SQL(
-- 構成アイテム: services and software beyond the ledger's devices.
CREATE TABLE configuration_items (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('service', 'software')),
    name TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    owner_division TEXT NOT NULL DEFAULT '',
    vendor TEXT NOT NULL DEFAULT '',
    product_version TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
) STRICT;

-- A software item's licence (at most one) and who holds its seats: a user or a device.
CREATE TABLE licences (
    item_id INTEGER PRIMARY KEY REFERENCES configuration_items (id),
    seats INTEGER NOT NULL CHECK (seats >= 1),
    term_start TEXT,
    term_end TEXT,
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE licence_assignments (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES licences (item_id),
    user_login TEXT,
    device_id INTEGER REFERENCES devices (id),
    assigned_at TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    over_reason TEXT NOT NULL DEFAULT '',
    CHECK ((user_login IS NULL) <> (device_id IS NULL))
) STRICT;
CREATE UNIQUE INDEX licence_assignments_of_user ON licence_assignments (item_id, user_login) WHERE user_login IS NOT NULL;
CREATE UNIQUE INDEX licence_assignments_of_device ON licence_assignments (item_id, device_id) WHERE device_id IS NOT NULL;

-- Settings as versions: each change is a new numbered version holding all its values.
CREATE TABLE setting_versions (
    item_id INTEGER NOT NULL REFERENCES configuration_items (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (item_id, number)
) WITHOUT ROWID, STRICT;
CREATE TABLE setting_values (
    item_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    parameter TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (item_id, number, parameter),
    FOREIGN KEY (item_id, number) REFERENCES setting_versions (item_id, number)
) WITHOUT ROWID, STRICT;

-- 文書: files attached to an item, every version kept with its bytes.
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES configuration_items (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('manual', 'operations_manual', 'other'))
) STRICT;
CREATE INDEX documents_of_item ON documents (item_id);
CREATE TABLE document_versions (
    document_id INTEGER NOT NULL REFERENCES documents (id),
    number INTEGER NOT NULL CHECK (number >= 1),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
) STRICT;
)SQL"},
    Migration{11, "placement: install / move / remove requests", R"SQL(
-- 追加・移設・撤去申請 for MFPs and floor printers (shared/placement). number is
-- PLR-<year in Asia/Tokyo>-<sequence within that year>. division_code is the division the
-- device serves: the target for an install or a move, the device's own for a removal.
-- device_id names the device moved or removed, and the new one once an install completes.
CREATE TABLE placement_requests (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    number_year INTEGER NOT NULL,
    number_sequence INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('install', 'move', 'remove')),
    class TEXT NOT NULL,
    model_id INTEGER REFERENCES device_models (id),
    device_id INTEGER REFERENCES devices (id),
    location_id INTEGER REFERENCES locations (id),
    division_code TEXT NOT NULL,
    desired_date TEXT NOT NULL,
    reason TEXT NOT NULL,
    requester_login TEXT NOT NULL,
    requester_division TEXT NOT NULL,
    state TEXT NOT NULL,
    state_reason TEXT NOT NULL DEFAULT '',
    vendor_company TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (number_year, number_sequence)
) STRICT;
CREATE INDEX placement_requests_by_division ON placement_requests (division_code);
CREATE INDEX placement_requests_by_vendor ON placement_requests (vendor_company);
CREATE INDEX placement_requests_by_device ON placement_requests (device_id);

-- The request's checklist, one row per item of its kind (shared/placement/checklist.hpp).
CREATE TABLE placement_checklist (
    request_id INTEGER NOT NULL REFERENCES placement_requests (id),
    key TEXT NOT NULL,
    position INTEGER NOT NULL,
    done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    done_by TEXT NOT NULL DEFAULT '',
    done_at TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (request_id, key)
) WITHOUT ROWID, STRICT;

-- What happened to a request, for its timeline (the audit trail holds the same with the
-- before and after, but has no index by object).
CREATE TABLE placement_events (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES placement_requests (id),
    occurred_at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('submitted', 'transitioned', 'checked', 'unchecked')),
    state TEXT NOT NULL,
    item TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX placement_events_by_request ON placement_events (request_id, id);
)SQL"},
    Migration{12, "notifications: templates, outbox, delivery attempts", R"SQL(
-- One editable template per notification event (shared/notifications/notification_event.hpp);
-- version counts the saves, so an edit of an older version is refused.
CREATE TABLE notification_templates (
    event TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    subject_ja TEXT NOT NULL,
    body_ja TEXT NOT NULL,
    subject_en TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL DEFAULT '',
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- Messages to send, each written in the transaction of the change it tells about and sent
-- later by the outbox worker. While an attempt runs the state is 'sending' and
-- next_attempt_at holds its start; failures counts failed attempts in a row.
CREATE TABLE notification_outbox (
    id INTEGER PRIMARY KEY,
    event TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'slack')),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    failures INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    queued_by TEXT NOT NULL,
    sent_at TEXT NOT NULL DEFAULT '',
    last_error TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX notification_outbox_due ON notification_outbox (state, next_attempt_at);

-- Every delivery attempt with what the peer answered.
CREATE TABLE notification_attempts (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES notification_outbox (id),
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'failed', 'interrupted')),
    detail TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX notification_attempts_by_message ON notification_attempts (outbox_id, id);

INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('ticket.created', 1, '【窓口】受付しました {{ticket_number}} {{title}}',
 '{{requester}} 様' || char(10) || char(10) || 'お問い合わせを受け付けました。' || char(10) || '受付番号: {{ticket_number}}' || char(10) || '件名: {{title}}' || char(10) || '種別: {{kind}}' || char(10) || char(10) || '{{url}}',
 'Received: {{ticket_number}} {{title}}',
 'Your request {{ticket_number}} ({{kind}}) has been received.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('ticket.status_changed', 1, '【窓口】状況が変わりました {{ticket_number}} {{title}}',
 '受付番号 {{ticket_number}}「{{title}}」の状況が「{{from_state}}」から「{{to_state}}」に変わりました（担当: {{actor}}）。' || char(10) || char(10) || '{{url}}',
 'Status changed: {{ticket_number}} {{title}}',
 '{{ticket_number}} moved from {{from_state}} to {{to_state}} ({{actor}}).' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('ticket.assigned', 1, '【窓口】担当になりました {{ticket_number}} {{title}}',
 '{{assignee}} さん' || char(10) || char(10) || '受付番号 {{ticket_number}}「{{title}}」の担当に割り当てられました（割当: {{actor}}）。' || char(10) || char(10) || '{{url}}',
 'Assigned to you: {{ticket_number}} {{title}}',
 '{{actor}} assigned {{ticket_number}} to {{assignee}}.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('ticket.escalated', 1, '【窓口】エスカレーション {{ticket_number}} {{title}}',
 '受付番号 {{ticket_number}}「{{title}}」がエスカレーションされました。' || char(10) || '理由: {{reason}}' || char(10) || '期限: {{due_at}}' || char(10) || char(10) || '{{url}}',
 'Escalated: {{ticket_number}} {{title}}',
 '{{ticket_number}} was escalated: {{reason}} (due {{due_at}}).' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('security.reported', 1, '【至急】情報セキュリティ事案の報告 {{ticket_number}}',
 '情報セキュリティに関する報告を受け付けました。' || char(10) || '受付番号: {{ticket_number}}' || char(10) || '件名: {{title}}' || char(10) || '報告者: {{reporter}}' || char(10) || '重要度: {{severity}}' || char(10) || char(10) || '{{url}}',
 'Security incident reported: {{ticket_number}}',
 '{{reporter}} reported "{{title}}" (severity {{severity}}).' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('vendor.task', 1, '【窓口】作業のご依頼 {{ticket_number}} {{title}}',
 '{{vendor}} ご担当者様' || char(10) || char(10) || '次の作業をお願いいたします。' || char(10) || '受付番号: {{ticket_number}}' || char(10) || '件名: {{title}}' || char(10) || '期限: {{due_at}}' || char(10) || char(10) || '{{url}}',
 'Task for {{vendor}}: {{ticket_number}} {{title}}',
 'Please carry out {{ticket_number}} "{{title}}" by {{due_at}}.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
)SQL"},
    Migration{13, "tickets: tickets, their timeline and links", R"SQL(
-- The ticket engine's records (shared/tickets): every kind in one table, its workflow state
-- by name. number is <kind prefix>-<year in Asia/Tokyo>-<sequence within prefix and year>
-- (INC-2026-000123). vendor_company names the company the work is handed to, as users.vendor_company.
-- sla_due_at and the flags are what compute_sla_clock said at the last write or sweep.
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    number_prefix TEXT NOT NULL,
    number_year INTEGER NOT NULL,
    number_sequence INTEGER NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    requester_user_id INTEGER NOT NULL REFERENCES users (id),
    division_code TEXT NOT NULL,
    category TEXT NOT NULL,
    priority TEXT NOT NULL CHECK (priority IN ('p1', 'p2', 'p3', 'p4')),
    impact TEXT,
    urgency TEXT,
    assignee_user_id INTEGER REFERENCES users (id),
    vendor_company TEXT NOT NULL DEFAULT '',
    escalation_target TEXT NOT NULL DEFAULT '' CHECK (escalation_target IN ('', 'vendor', 'it_office')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    first_response_at TEXT,
    resolved_at TEXT,
    sla_due_at TEXT,
    sla_breached INTEGER NOT NULL DEFAULT 0 CHECK (sla_breached IN (0, 1)),
    sla_near_breach INTEGER NOT NULL DEFAULT 0 CHECK (sla_near_breach IN (0, 1)),
    -- number, title and body folded by search_fold() (shared/text/search_fold.hpp).
    search_text TEXT NOT NULL DEFAULT '',
    UNIQUE (number_prefix, number_year, number_sequence)
) STRICT;
CREATE INDEX tickets_by_state ON tickets (state, id);
CREATE INDEX tickets_by_kind ON tickets (kind, id);
CREATE INDEX tickets_by_assignee ON tickets (assignee_user_id, id);
CREATE INDEX tickets_by_requester ON tickets (requester_user_id, id);
CREATE INDEX tickets_by_division ON tickets (division_code, id);
CREATE INDEX tickets_by_vendor ON tickets (vendor_company, id) WHERE vendor_company <> '';
CREATE INDEX tickets_by_sla_due ON tickets (sla_due_at, id);

-- The timeline: creation, state changes (an approval is a state change decided by its
-- role), notes (internal ones for the desk only) and changes of fields.
CREATE TABLE ticket_events (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    occurred_at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('created', 'state', 'approval', 'note', 'updated', 'linked')),
    from_state TEXT,
    to_state TEXT,
    comment TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
    decision TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);

-- Links from a ticket to another ticket (incident ↔ problem ↔ change), a device or a
-- configuration item; exactly one of the three per row.
CREATE TABLE ticket_links (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    linked_ticket_id INTEGER REFERENCES tickets (id),
    device_id INTEGER REFERENCES devices (id),
    configuration_item_id INTEGER REFERENCES configuration_items (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    CHECK ((linked_ticket_id IS NOT NULL) + (device_id IS NOT NULL) + (configuration_item_id IS NOT NULL) = 1)
) STRICT;
CREATE UNIQUE INDEX ticket_links_unique ON ticket_links
    (ticket_id, coalesce(linked_ticket_id, 0), coalesce(device_id, 0), coalesce(configuration_item_id, 0));
CREATE INDEX ticket_links_by_linked_ticket ON ticket_links (linked_ticket_id) WHERE linked_ticket_id IS NOT NULL;
CREATE INDEX ticket_links_by_device ON ticket_links (device_id) WHERE device_id IS NOT NULL;
)SQL"},
    Migration{14, "devices: search text written by the INSERT itself", R"SQL(
-- A trigger on INSERT makes SQLite keep a statement journal for every device insert (the
-- statement writes twice and may abort), which copied each touched page: a third of a
-- 40,000-row import. insert_device() now writes search_text in the INSERT, from the same
-- parts as device_search_source (a test compares the two for every device).
DROP TRIGGER devices_search_on_insert;
)SQL"},
    Migration{15, "knowledge: articles, their versions, FAQ exports, feedback", R"SQL(
-- Knowledge articles (shared/knowledge). audiences is a comma-framed list of audience names
-- (",staff,chatbot,") so that one instr() finds an audience. version grows by one with every
-- change; each version's content is also a row of knowledge_article_versions.
-- source_ticket_id names the resolved ticket an article was written from (ticket_links
-- holds only tickets, devices and configuration items, so the link lives here).
CREATE TABLE knowledge_articles (
    id INTEGER PRIMARY KEY,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    category TEXT NOT NULL,
    audiences TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'unpublished')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    source_ticket_id INTEGER REFERENCES tickets (id),
    -- question, answer and category folded by search_fold() (shared/text/search_fold.hpp).
    search_text TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX knowledge_articles_by_state ON knowledge_articles (state, id);
CREATE INDEX knowledge_articles_by_ticket ON knowledge_articles (source_ticket_id) WHERE source_ticket_id IS NOT NULL;

-- Every version of every article, the current one included: who wrote it, when and why.
CREATE TABLE knowledge_article_versions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES knowledge_articles (id),
    version INTEGER NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    category TEXT NOT NULL,
    audiences TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'unpublished')),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    UNIQUE (article_id, version)
) STRICT;

-- Every FAQ export as the bytes handed out (shared/knowledge/faq_csv.hpp): the backup
-- versions a restore goes back to.
CREATE TABLE faq_exports (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    csv BLOB NOT NULL
) STRICT;

-- "This solved it" (or not) from a reader of an article.
CREATE TABLE knowledge_feedback (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES knowledge_articles (id),
    solved INTEGER NOT NULL CHECK (solved IN (0, 1)),
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX knowledge_feedback_by_article ON knowledge_feedback (article_id, solved);
)SQL"},
    Migration{16, "tickets: attachments, fired escalations; notification routing", R"SQL(
-- Files attached to a ticket, kept in the database with it (at most 10 MB each, checked
-- against their declared type); internal ones are for the desk, like internal notes.
CREATE TABLE ticket_attachments (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    visibility TEXT NOT NULL CHECK (visibility IN ('public', 'internal')),
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL,
    content BLOB NOT NULL
) STRICT;
CREATE INDEX ticket_attachments_by_ticket ON ticket_attachments (ticket_id, id);

-- Each escalation rule (shared/tickets/escalation.hpp) fires once per ticket, across restarts.
CREATE TABLE ticket_escalations (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    rule_id TEXT NOT NULL,
    fired_at TEXT NOT NULL,
    PRIMARY KEY (ticket_id, rule_id)
) WITHOUT ROWID, STRICT;

-- The timeline gains attachments and escalations: SQLite cannot widen a CHECK in place.
CREATE TABLE ticket_events_new (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    occurred_at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('created', 'state', 'approval', 'note', 'updated', 'linked', 'attachment',
                                       'escalated')),
    from_state TEXT,
    to_state TEXT,
    comment TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
    decision TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO ticket_events_new SELECT * FROM ticket_events;
DROP TABLE ticket_events;
ALTER TABLE ticket_events_new RENAME TO ticket_events;
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);

-- Who is told what (通知先): per notification event, the recipients it goes to, each one of
-- requester, assignee, vendor_contacts, role:<role>, email:<address>, slack:<webhook name>
-- (shared/notifications/notification_routing.hpp). Admins edit it.
CREATE TABLE notification_routing (
    event TEXT NOT NULL,
    position INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    PRIMARY KEY (event, position)
) WITHOUT ROWID, STRICT;
INSERT INTO notification_routing (event, position, recipient) VALUES
('ticket.status_changed', 1, 'requester'),
('ticket.assigned', 1, 'assignee'),
('ticket.escalated', 1, 'role:it_office'),
('security.reported', 1, 'role:it_office'),
('vendor.task', 1, 'vendor_contacts');
)SQL"},
    Migration{17, "inquiries become tickets of kind inquiry", R"SQL(
-- 問い合わせ are tickets of kind inquiry from now on. What the staff form asks beyond a
-- ticket (氏名, 所属 and 連絡先 as typed, which may differ from the account's) stays beside it.
CREATE TABLE inquiry_contacts (
    ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
    requester_name TEXT NOT NULL,
    division TEXT NOT NULL,
    contact TEXT NOT NULL
) STRICT;

-- Each inquiry with a requester becomes a ticket under its own number (the numbering already
-- continued INQ numbers across both tables, so none is taken), with the priority a staff
-- inquiry gets (individual × medium) and its creation as the first event.
INSERT INTO tickets (number, number_prefix, number_year, number_sequence, kind, state, title, body,
                     requester_user_id, division_code, category, priority, impact, urgency, created_at, updated_at,
                     search_text)
SELECT i.number, 'INQ', i.number_year, i.number_sequence, 'inquiry', 'received', i.subject, i.body,
       i.requester_user_id, u.division_code, i.category, 'p4', 'individual', 'medium', i.received_at, i.received_at,
       search_fold(i.number || ' ' || i.subject || ' ' || i.body)
FROM inquiries i JOIN users u ON u.id = i.requester_user_id
ORDER BY i.id;
INSERT INTO inquiry_contacts (ticket_id, requester_name, division, contact)
SELECT t.id, i.requester_name, i.division, i.contact FROM inquiries i JOIN tickets t ON t.number = i.number;
INSERT INTO ticket_events (ticket_id, occurred_at, actor_user_id, actor, type, to_state)
SELECT t.id, i.received_at, u.id, u.login, 'created', 'received'
FROM inquiries i JOIN tickets t ON t.number = i.number JOIN users u ON u.id = i.requester_user_id
ORDER BY t.id;
-- Left behind: inquiries from before sign-in, which have no requester a ticket could name.
-- Their numbers stay taken (ticket numbering reads this table).
DELETE FROM inquiries WHERE number IN (SELECT number FROM tickets);
)SQL"},
    Migration{18, "tickets: indexes for lists and trends at 300,000 tickets", R"SQL(
-- Found with EXPLAIN QUERY PLAN on the 300,000-ticket bench (tests/bench/tickets_list_bench.cpp):
-- newest first, a cursor deep in the list and the trends' creation range read the index
-- instead of sorting the table; kind and state filters count and page from one index; the
-- breached flag and the due-soonest order have their own, matching the list's SQL exactly
-- (server/tickets/ticket_store.cpp).
CREATE INDEX tickets_by_created ON tickets (created_at, id);
CREATE INDEX tickets_by_kind_created ON tickets (kind, created_at, id);
CREATE INDEX tickets_by_kind_state ON tickets (kind, state, created_at, id);
CREATE INDEX tickets_breached ON tickets (created_at, id) WHERE sla_breached = 1;
CREATE INDEX tickets_by_due_order ON tickets (coalesce(sla_due_at, '~'), id);
)SQL"},
    Migration{19, "tickets: trigram search index; link removals in the timeline", R"SQL(
-- Free-text search over 300,000 tickets read every search_text (contains(), ~300 ms). A
-- trigram index finds any substring of 3 characters or more: the phrase of a query's
-- trigrams matches exactly where contains() would. External content: the text stays in
-- tickets only. case_sensitive 1 because search_text and the query are already folded
-- (shared/text/search_fold.hpp); the tokenizer's own Unicode case folding would match
-- what contains() does not. Triggers keep it in step with every writer of search_text.
CREATE VIRTUAL TABLE tickets_search USING fts5 (
    search_text, content = 'tickets', content_rowid = 'id', tokenize = 'trigram case_sensitive 1', columnsize = 0
);
INSERT INTO tickets_search (tickets_search) VALUES ('rebuild');
CREATE TRIGGER tickets_search_on_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER tickets_search_on_update AFTER UPDATE OF search_text ON tickets BEGIN
    INSERT INTO tickets_search (tickets_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
    INSERT INTO tickets_search (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER tickets_search_on_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_search (tickets_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;

-- The timeline gains the removal of a link (DELETE /api/v1/tickets/{id}/links/{link_id}).
CREATE TABLE ticket_events_new (
    id INTEGER PRIMARY KEY,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    occurred_at TEXT NOT NULL,
    actor_user_id INTEGER REFERENCES users (id),
    actor TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('created', 'state', 'approval', 'note', 'updated', 'linked', 'unlinked',
                                       'attachment', 'escalated')),
    from_state TEXT,
    to_state TEXT,
    comment TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'internal')),
    decision TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO ticket_events_new SELECT * FROM ticket_events;
DROP TABLE ticket_events;
ALTER TABLE ticket_events_new RENAME TO ticket_events;
CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, id);
)SQL"},
    Migration{20, "notifications: each user's in-app inbox", R"SQL(
-- One row per user told of an event, written in the change's transaction beside the outbox
-- rows (server/notifications/inbox.hpp); title and body rendered from the event's template,
-- Japanese and (when the template has it) English. Read through the user's newest-first list.
CREATE TABLE notification_inbox (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    event TEXT NOT NULL,
    ticket_id INTEGER REFERENCES tickets (id),
    ticket_number TEXT NOT NULL DEFAULT '',
    title_ja TEXT NOT NULL,
    body_ja TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notification_inbox_by_user ON notification_inbox (user_id, id);
CREATE INDEX notification_inbox_unread ON notification_inbox (user_id, id) WHERE read_at IS NULL;
CREATE INDEX notification_inbox_by_created ON notification_inbox (created_at);
)SQL"},
    Migration{21, "lending: loan rules, terms of use, loan requests, allocations", R"SQL(
-- 貸出 (shared/lending). One rule per lendable class, seeded from lending::default_rules()
-- by this migration's C++ step; admins edit them (version guards concurrent edits).
CREATE TABLE loan_rules (
    class TEXT PRIMARY KEY,
    max_days INTEGER NOT NULL,
    approver TEXT NOT NULL CHECK (approver IN ('manager', 'operator', 'it_office')),
    holding_limit INTEGER NOT NULL,
    overdue_blocks INTEGER NOT NULL,
    closed_day_due_allowed INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT NOT NULL DEFAULT 'system',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID, STRICT;

-- 利用規約: every published version of a form's terms; the newest is the current one.
CREATE TABLE loan_terms (
    form TEXT NOT NULL,
    version INTEGER NOT NULL,
    text_ja TEXT NOT NULL,
    text_en TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (form, version)
) WITHOUT ROWID, STRICT;

-- 貸出申請. number is LND-<Tokyo year>-<sequence in the year>. Dates are Tokyo dates
-- (YYYY-MM-DD); pickup_location_id for a pickup, ship_* for shipping to a regional bureau.
CREATE TABLE loan_requests (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    number_year INTEGER NOT NULL,
    number_sequence INTEGER NOT NULL,
    requester_login TEXT NOT NULL,
    requester_division TEXT NOT NULL,
    class TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    start_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    delivery TEXT NOT NULL CHECK (delivery IN ('pickup', 'shipping')),
    pickup_location_id INTEGER REFERENCES locations (id),
    ship_address TEXT NOT NULL DEFAULT '',
    ship_recipient TEXT NOT NULL DEFAULT '',
    accessories TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    terms_form TEXT NOT NULL,
    terms_version INTEGER NOT NULL,
    state TEXT NOT NULL,
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    state_reason TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_requests_by_requester ON loan_requests (requester_login, state);
CREATE INDEX loan_requests_by_division ON loan_requests (requester_division, id);
CREATE INDEX loan_requests_by_class_state ON loan_requests (class, state);

-- The concrete devices (by tag) an approved request keeps for its period; a device may be
-- allocated to several requests whose periods do not overlap.
CREATE TABLE loan_allocations (
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    PRIMARY KEY (request_id, device_id)
) WITHOUT ROWID, STRICT;
CREATE INDEX loan_allocations_by_device ON loan_allocations (device_id);

INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('lending.approved', 1, '【窓口】貸出申請が承認されました {{request_number}}',
 '{{requester}} 様' || char(10) || char(10) || '貸出申請 {{request_number}}（{{device_class}} {{quantity}}台）が承認されました。' || char(10) || '期間: {{start_date}} ～ {{due_date}}' || char(10) || '機器: {{asset_tags}}' || char(10) || '受取: {{delivery}}' || char(10) || '承認者: {{actor}}' || char(10) || char(10) || '{{url}}',
 'Loan request approved: {{request_number}}',
 'Your loan request {{request_number}} ({{device_class}} x{{quantity}}, {{start_date}} to {{due_date}}) was approved by {{actor}}. Devices: {{asset_tags}}.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('lending.rejected', 1, '【窓口】貸出申請が却下されました {{request_number}}',
 '{{requester}} 様' || char(10) || char(10) || '貸出申請 {{request_number}}（{{device_class}} {{quantity}}台、{{start_date}} ～ {{due_date}}）は却下されました。' || char(10) || '理由: {{reason}}' || char(10) || '担当: {{actor}}' || char(10) || char(10) || '{{url}}',
 'Loan request rejected: {{request_number}}',
 'Your loan request {{request_number}} ({{device_class}} x{{quantity}}) was rejected by {{actor}}: {{reason}}' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO notification_routing (event, position, recipient) VALUES
('lending.approved', 1, 'requester'),
('lending.rejected', 1, 'requester');
)SQL",
              lending::seed_default_rules},
    Migration{22, "lending: master images, kitting tasks, staff cards, counter handovers and returns, extensions", R"SQL(
-- キッティング用マスター per class (shared/lending/master_image.hpp): one version per class is
-- current; a kitting task records the one it applied.
CREATE TABLE master_images (
    class TEXT NOT NULL,
    version INTEGER NOT NULL,
    released TEXT NOT NULL,  -- Tokyo date
    notes TEXT NOT NULL DEFAULT '',
    current INTEGER NOT NULL DEFAULT 0 CHECK (current IN (0, 1)),
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (class, version)
) WITHOUT ROWID, STRICT;

-- キッティング: one task per device allocated by an approval (request_id set), and one per
-- device back from a loan (request_id NULL: 再キッティング). checklist and progress are the
-- JSON of shared/lending/kitting_checklist.hpp's KittingTask, fixed when the task is created.
CREATE TABLE kitting_tasks (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    request_id INTEGER REFERENCES loan_requests (id),
    class TEXT NOT NULL,
    checklist TEXT NOT NULL,
    progress TEXT NOT NULL,
    master_image_version INTEGER,
    state TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    done_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX kitting_tasks_by_state ON kitting_tasks (state, id);
CREATE INDEX kitting_tasks_by_device ON kitting_tasks (device_id, state);
CREATE INDEX kitting_tasks_by_request ON kitting_tasks (request_id);

-- 職員証: the number on a staff ID card, read at the counter; NULL while none is issued.
ALTER TABLE users ADD COLUMN staff_card TEXT;
CREATE UNIQUE INDEX users_by_staff_card ON users (staff_card) WHERE staff_card IS NOT NULL;

-- 窓口: a handover of some of a request's devices to the borrower, and each device's return
-- (at a counter, or by post from a regional bureau without one). loan_allocations keep which
-- handover took a device out and which return brought it back.
CREATE TABLE loan_handovers (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    counter_location_id INTEGER NOT NULL REFERENCES locations (id),
    operator_login TEXT NOT NULL,
    terms_version INTEGER NOT NULL,
    handed_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_handovers_by_request ON loan_handovers (request_id);

CREATE TABLE loan_returns (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    counter_location_id INTEGER REFERENCES locations (id),
    operator_login TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'damaged', 'missing_accessory')),
    damage_description TEXT NOT NULL DEFAULT '',
    missing_accessories TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    repair_ticket_id INTEGER REFERENCES tickets (id),
    kitting_task_id INTEGER REFERENCES kitting_tasks (id),
    returned_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_returns_by_request ON loan_returns (request_id);

ALTER TABLE loan_allocations ADD COLUMN handover_id INTEGER REFERENCES loan_handovers (id);
ALTER TABLE loan_allocations ADD COLUMN return_id INTEGER REFERENCES loan_returns (id);

-- 貸出期間の延長: the borrower asks, the class's approver decides; approval moves the
-- request's due date. Dates are Tokyo dates.
CREATE TABLE loan_extensions (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    requested_by TEXT NOT NULL,
    current_due TEXT NOT NULL,
    new_due TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected')),
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    decision_reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_extensions_by_request ON loan_extensions (request_id, id);

INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('lending.extension_approved', 1, '【窓口】貸出期間の延長が承認されました {{request_number}}',
 '{{requester}} 様' || char(10) || char(10) || '貸出 {{request_number}}（{{device_class}}）の返却予定日を {{previous_due}} から {{due_date}} に延長しました。' || char(10) || '承認者: {{actor}}' || char(10) || char(10) || '{{url}}',
 'Loan extension approved: {{request_number}}',
 'The due date of your loan {{request_number}} ({{device_class}}) moved from {{previous_due}} to {{due_date}} ({{actor}}).' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('lending.extension_rejected', 1, '【窓口】貸出期間の延長は承認されませんでした {{request_number}}',
 '{{requester}} 様' || char(10) || char(10) || '貸出 {{request_number}}（{{device_class}}）の {{requested_due}} までの延長は承認されませんでした。返却予定日は {{due_date}} のままです。' || char(10) || '理由: {{reason}}' || char(10) || '担当: {{actor}}' || char(10) || char(10) || '{{url}}',
 'Loan extension rejected: {{request_number}}',
 'Your request to extend {{request_number}} ({{device_class}}) to {{requested_due}} was rejected by {{actor}}: {{reason}}. The due date stays {{due_date}}.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO notification_routing (event, position, recipient) VALUES
('lending.extension_approved', 1, 'requester'),
('lending.extension_rejected', 1, 'requester');
)SQL"},
    Migration{23, "lending: reminder policies, sent reminders, escalated loans", R"SQL(
-- 返却督促 (shared/lending/reminder_schedule.hpp). One policy per lendable class, seeded from
-- lending::default_reminder_policies() by this migration's C++ step; admins edit them.
-- before_due and after_due are JSON arrays of business days.
CREATE TABLE loan_reminder_policies (
    class TEXT PRIMARY KEY,
    before_due TEXT NOT NULL,
    after_due TEXT NOT NULL,
    send_minute INTEGER NOT NULL,
    escalate_after INTEGER NOT NULL,
    copy_division_manager INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    updated_by TEXT NOT NULL DEFAULT 'system',
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) WITHOUT ROWID, STRICT;

-- Every reminder recorded for a loan: sent (scheduled or by hand, sent_by 'system' or the
-- operator's login) or superseded by a later one of the same run. key is the schedule's
-- moment key (overdue+3@2027-05-06, manual@<instant>): a key is recorded once per loan, so
-- two runs never send one moment twice.
CREATE TABLE loan_reminders (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('before_due', 'overdue')),
    business_days INTEGER NOT NULL,
    due_date TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('sent', 'superseded')),
    overdue_number INTEGER NOT NULL DEFAULT 0,
    recorded_at TEXT NOT NULL,
    sent_by TEXT NOT NULL,
    UNIQUE (request_id, key)
) STRICT;

-- The reminder job's view of a loan: the due date its schedule runs for and since when (the
-- first sight of a moved due date ends the earlier moments), and the escalation to the IT
-- office, made once.
CREATE TABLE loan_reminder_tracks (
    request_id INTEGER PRIMARY KEY REFERENCES loan_requests (id),
    due_date TEXT NOT NULL,
    schedule_start TEXT NOT NULL,
    escalated_at TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX loan_requests_by_state ON loan_requests (state, due_date);

INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('lending.reminder_before_due', 1, '【窓口】返却期限のご案内 {{request_number}}（{{due_date}}）',
 '{{borrower}} 様' || char(10) || char(10) || '貸出中の機器（{{device_class}}: {{asset_tags}}）の返却期限は {{due_date}} です（あと{{business_days}}営業日）。' || char(10) || '期限までに窓口へご返却いただくか、延長が必要な場合は申請してください。' || char(10) || char(10) || '{{url}}',
 'Return due {{due_date}}: {{request_number}}',
 'The devices you borrowed ({{device_class}}: {{asset_tags}}) are due back on {{due_date}} ({{business_days}} business days from now). Please return them to the counter, or ask for an extension.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('lending.reminder_overdue', 1, '【窓口】返却のお願い（第{{reminder_number}}回） {{request_number}}',
 '{{borrower}} 様（{{division}}）' || char(10) || char(10) || '貸出中の機器（{{device_class}}: {{asset_tags}}）の返却期限 {{due_date}} を{{business_days}}営業日過ぎています。' || char(10) || '速やかに窓口へご返却ください。' || char(10) || char(10) || '{{url}}',
 'Overdue (reminder {{reminder_number}}): {{request_number}}',
 'The devices lent to {{borrower}} ({{division}}; {{device_class}}: {{asset_tags}}) were due on {{due_date}}, {{business_days}} business days ago. Please return them to the counter.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
('lending.escalated', 1, '【窓口】未返却の貸出機器 {{request_number}}（情報システム室へ引継ぎ）',
 '督促の後も返却されていない貸出があります。' || char(10) || '申請番号: {{request_number}}' || char(10) || '借用者: {{borrower}}（{{division}}）' || char(10) || '機器: {{device_class}} {{asset_tags}}' || char(10) || '返却期限: {{due_date}}（{{business_days}}営業日超過）' || char(10) || char(10) || '督促の履歴:' || char(10) || '{{history}}' || char(10) || char(10) || '{{url}}',
 'Unreturned loan escalated: {{request_number}}',
 '{{borrower}} ({{division}}) has not returned {{device_class}} {{asset_tags}}, due {{due_date}} ({{business_days}} business days overdue), after the reminders below.' || char(10) || char(10) || '{{history}}' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO notification_routing (event, position, recipient) VALUES
('lending.reminder_before_due', 1, 'requester'),
('lending.reminder_overdue', 1, 'requester'),
('lending.escalated', 1, 'role:it_office');
)SQL",
              lending::seed_default_reminder_policies},
    Migration{24, "lending: shipments, loss reports, repair return dates, stock thresholds and alerts", R"SQL(
-- 地方局への発送 (server/lending/shipment_*): a loan's devices sent to the regional bureau
-- (outbound) or back to the desk (return), with the request's recipient and address; in
-- transit until the receipt is confirmed. Dates are Tokyo dates.
CREATE TABLE loan_shipments (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    direction TEXT NOT NULL CHECK (direction IN ('outbound', 'return')),
    state TEXT NOT NULL CHECK (state IN ('in_transit', 'received')),
    carrier TEXT NOT NULL,
    tracking_number TEXT NOT NULL,
    recipient TEXT NOT NULL,
    address TEXT NOT NULL,
    sent_date TEXT NOT NULL,
    received_date TEXT NOT NULL DEFAULT '',
    sent_by TEXT NOT NULL,
    received_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_shipments_by_request ON loan_shipments (request_id, id);
CREATE INDEX loan_shipments_by_state ON loan_shipments (state, direction, id);
CREATE TABLE loan_shipment_items (
    shipment_id INTEGER NOT NULL REFERENCES loan_shipments (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    asset_tag TEXT NOT NULL,
    PRIMARY KEY (shipment_id, device_id)
) WITHOUT ROWID, STRICT;

-- 紛失・盗難: one report per device lost from a loan, with the security incident ticket it
-- opened and the replacement loan issued for it (server/lending/loss_*).
CREATE TABLE loan_loss_reports (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    asset_tag TEXT NOT NULL,
    class TEXT NOT NULL,
    request_id INTEGER NOT NULL REFERENCES loan_requests (id),
    borrower_login TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('lost', 'stolen')),
    occurred_at TEXT NOT NULL,
    place TEXT NOT NULL,
    circumstances TEXT NOT NULL,
    remote_wipe_requested INTEGER NOT NULL,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    replacement_request_id INTEGER REFERENCES loan_requests (id),
    reported_by TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_loss_reports_by_borrower ON loan_loss_reports (borrower_login, id);

-- 修理からの戻り予定日: set by the desk for a device in repair; read only while the device is
-- still in_repair, so a device back from repair leaves a row nothing counts.
CREATE TABLE device_repair_returns (
    device_id INTEGER PRIMARY KEY REFERENCES devices (id),
    expected_on TEXT NOT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL
) STRICT;

-- 安全在庫: admins' minimum per lendable class, for the class as a whole (location_id 0) or
-- one location's pool; an alert stays open from the fall below it until the recovery.
CREATE TABLE stock_thresholds (
    class TEXT NOT NULL,
    location_id INTEGER NOT NULL,
    minimum INTEGER NOT NULL CHECK (minimum >= 0),
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (class, location_id)
) WITHOUT ROWID, STRICT;
CREATE TABLE stock_alerts (
    id INTEGER PRIMARY KEY,
    class TEXT NOT NULL,
    location_id INTEGER NOT NULL,
    available INTEGER NOT NULL,
    minimum INTEGER NOT NULL,
    raised_at TEXT NOT NULL,
    recovered_at TEXT
) STRICT;
CREATE UNIQUE INDEX stock_alerts_open ON stock_alerts (class, location_id) WHERE recovered_at IS NULL;

INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('lending.stock_low', 1, '【窓口】安全在庫を下回りました {{device_class}} {{location}}',
 '{{device_class}}（{{location}}）の貸出可能数が {{available}}台 になり、安全在庫 {{minimum}}台 を下回りました。' || char(10) || '補充・調整をご検討ください。' || char(10) || char(10) || '{{url}}',
 'Below safety stock: {{device_class}} {{location}}',
 '{{device_class}} ({{location}}): {{available}} available, below the safety stock of {{minimum}}.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO notification_routing (event, position, recipient) VALUES
('lending.stock_low', 1, 'role:operator');
)SQL"},
    Migration{25, "telemetry: SNMP profiles, poll cycles, last state per device, samples", R"SQL(
-- SNMP profiles (SNMPプロファイル): how the poller talks to the devices naming one in
-- devices.snmp_profile. "{asset_tag}" in community or v3_context stands for the device's
-- asset tag (one community per device, as the simulated fleet has). The secrets stay here:
-- no API returns them.
CREATE TABLE telemetry_snmp_profiles (
    name TEXT PRIMARY KEY,
    version TEXT NOT NULL CHECK (version IN ('v2c', 'v3')),
    community TEXT NOT NULL DEFAULT '',
    v3_user TEXT NOT NULL DEFAULT '',
    v3_auth_passphrase TEXT NOT NULL DEFAULT '',  -- SHA
    v3_priv_passphrase TEXT NOT NULL DEFAULT '',  -- AES-128
    v3_context TEXT NOT NULL DEFAULT '',
    port INTEGER NOT NULL DEFAULT 161 CHECK (port BETWEEN 1 AND 65535)
) STRICT;
INSERT INTO telemetry_snmp_profiles (name, version, community) VALUES ('ricoh-v2c', 'v2c', '{asset_tag}');

-- One row per poll cycle, for the operators and the periodic report.
CREATE TABLE telemetry_poll_cycles (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT NOT NULL,
    trigger TEXT NOT NULL CHECK (trigger IN ('schedule', 'command', 'manual')),
    kinds TEXT NOT NULL,  -- the sample kinds due: "status,supplies,counters,firmware"
    devices INTEGER NOT NULL,
    reachable INTEGER NOT NULL,
    timeouts INTEGER NOT NULL,
    devices_with_oddities INTEGER NOT NULL,
    requests INTEGER NOT NULL,
    in_flight_peak INTEGER NOT NULL,
    wall_milliseconds INTEGER NOT NULL
) STRICT;
CREATE INDEX telemetry_poll_cycles_by_time ON telemetry_poll_cycles (started_at);

-- The last known state per device, raw as read (shared/telemetry interprets it): the reading
-- of the last answer (kept while the device is silent), this poll's oddities, how many polls
-- in a row went unanswered.
CREATE TABLE telemetry_device_state (
    device_id INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    polled_at TEXT NOT NULL,
    reachable INTEGER NOT NULL CHECK (reachable IN (0, 1)),
    failure TEXT NOT NULL DEFAULT '',
    last_seen_at TEXT,
    reading TEXT NOT NULL DEFAULT '{}',
    oddities TEXT NOT NULL DEFAULT '[]',
    offline_cycles INTEGER NOT NULL DEFAULT 0,
    cycle_id INTEGER REFERENCES telemetry_poll_cycles (id)
) STRICT;

-- Samples, compact: the key is the row (no rowid), time in Unix seconds, values a JSON array:
-- kind 1 status [hrDeviceStatus, hrPrinterStatus, "error-state hex", [[severity, group, code]…]],
-- 2 supplies [[[index, class, type, unit, max, level]…], [[ricoh toner index, level]…]],
-- 3 counters [prtMarkerLifeCount, unit, [[ricoh counter index, value]…]],
-- 4 firmware ["ricoh firmware version", "sysDescr"]. Kinds 1, 2 and 4 are written on change.
CREATE TABLE telemetry_samples (
    device_id INTEGER NOT NULL,
    kind INTEGER NOT NULL CHECK (kind BETWEEN 1 AND 4),
    at INTEGER NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (device_id, kind, at)
) STRICT, WITHOUT ROWID;
)SQL"},
    Migration{26, "tickets: search of one and two characters through the trigram index", R"SQL(
-- One or two characters are found as the beginning of the index's trigrams (its vocabulary,
-- tickets_search_terms, read by range), which needs a trigram to begin at every character:
-- the text is indexed with two U+001F after it (store/trigram_query.hpp), so its last two
-- characters begin one too. The index keeps no copy of the text (content = ''): the text it
-- holds is not the column's, so nothing may rebuild it from tickets; the triggers and this
-- migration write it, and deletions name what was written.
DROP TRIGGER tickets_search_on_insert;
DROP TRIGGER tickets_search_on_update;
DROP TRIGGER tickets_search_on_delete;
DROP TABLE tickets_search;
CREATE VIRTUAL TABLE tickets_search USING fts5 (
    search_text, content = '', tokenize = 'trigram case_sensitive 1', columnsize = 0
);
INSERT INTO tickets_search (rowid, search_text) SELECT id, search_text || char(31, 31) FROM tickets;
CREATE TRIGGER tickets_search_on_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO tickets_search (rowid, search_text) VALUES (NEW.id, NEW.search_text || char(31, 31));
END;
CREATE TRIGGER tickets_search_on_update AFTER UPDATE OF search_text ON tickets BEGIN
    INSERT INTO tickets_search (tickets_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text || char(31, 31));
    INSERT INTO tickets_search (rowid, search_text) VALUES (NEW.id, NEW.search_text || char(31, 31));
END;
CREATE TRIGGER tickets_search_on_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO tickets_search (tickets_search, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text || char(31, 31));
END;
CREATE VIRTUAL TABLE tickets_search_terms USING fts5vocab (tickets_search, 'row');
)SQL"},
    Migration{27, "lending: return bookings", R"SQL(
-- 返却予約: when the borrower will bring the loan back, at which counter; one per loan (booking
-- again replaces it), kept after the return as the record of the visit.
CREATE TABLE loan_return_bookings (
    request_id INTEGER PRIMARY KEY REFERENCES loan_requests (id),
    location_id INTEGER NOT NULL REFERENCES locations (id),
    slot_at TEXT NOT NULL,
    booked_by TEXT NOT NULL,
    booked_at TEXT NOT NULL
) STRICT;
CREATE INDEX loan_return_bookings_by_slot ON loan_return_bookings (location_id, slot_at);
)SQL"},
    Migration{28, "identity: user roles by role", R"SQL(
-- Notifications routed to a role (role:it_office) read its holders: without this index each
-- such message walked every user, which the reminder run's escalations felt.
CREATE INDEX user_roles_by_role ON user_roles (role, user_id);
)SQL"},
    Migration{29, "telemetry: firmware targets and release plans, anomalies; chatbot probes and maintenance windows", R"SQL(
-- The firmware version the IT office wants each model to run (ファームウェア).
CREATE TABLE telemetry_firmware_targets (
    model_id INTEGER PRIMARY KEY REFERENCES device_models (id) ON DELETE CASCADE,
    version TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- The release plan tickets (リリース管理) opened for a model's devices behind its target: one
-- per model and target while its ticket is open.
CREATE TABLE telemetry_release_plans (
    ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    model_id INTEGER NOT NULL REFERENCES device_models (id) ON DELETE CASCADE,
    target_version TEXT NOT NULL,
    devices_behind INTEGER NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX telemetry_release_plans_by_model ON telemetry_release_plans (model_id, target_version);

-- Anomalies (特異点) flagged for review, one per device, kind and Tokyo day.
CREATE TABLE telemetry_anomalies (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('counter_backwards', 'unusually_high', 'unusually_low', 'silent')),
    day TEXT NOT NULL,
    pages INTEGER NOT NULL,
    usual_pages INTEGER NOT NULL,  -- the device's median day (0 when not judged)
    detected_at TEXT NOT NULL,
    acknowledged_at TEXT,
    acknowledged_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    UNIQUE (device_id, kind, day)
) STRICT;
CREATE INDEX telemetry_anomalies_by_day ON telemetry_anomalies (day, id);

-- The chatbot service's health checks (定期報告: availability), one row per probe.
CREATE TABLE chatbot_probes (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    up INTEGER NOT NULL CHECK (up IN (0, 1)),
    http_status INTEGER NOT NULL,  -- 0 without an answer
    response_milliseconds INTEGER NOT NULL,
    failure TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX chatbot_probes_by_time ON chatbot_probes (at);

-- Planned maintenance of the chatbot, reported apart from outages; optionally the release
-- plan ticket it carries out.
CREATE TABLE chatbot_maintenance_windows (
    id INTEGER PRIMARY KEY,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL CHECK (ends_at > starts_at),
    title TEXT NOT NULL,
    ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX chatbot_maintenance_by_time ON chatbot_maintenance_windows (starts_at);
)SQL"},
    Migration{30, "telemetry: interpreted state, sample resolution, toner orders, fault incidents", R"SQL(
-- The interpretation of the last known state, computed when a cycle is recorded so the fleet
-- list reads it instead of decoding 723 readings per request: the colour (ok, attention,
-- error, unreachable, unknown) and a JSON object with the conditions and toner per colour
-- (server/telemetry/interpretation.hpp).
ALTER TABLE telemetry_device_state ADD COLUMN printer_state TEXT NOT NULL DEFAULT 'unknown'
    CHECK (printer_state IN ('ok', 'attention', 'error', 'unreachable', 'unknown'));
ALTER TABLE telemetry_device_state ADD COLUMN interpreted TEXT NOT NULL DEFAULT '{}';
CREATE INDEX telemetry_device_state_by_state ON telemetry_device_state (printer_state, device_id);

-- Retention (保存期間): 0 raw, 1 hourly, 2 daily; the compaction folds raw rows older than
-- 14 days into hourly ones and hourly rows older than a year into daily ones.
ALTER TABLE telemetry_samples ADD COLUMN resolution INTEGER NOT NULL DEFAULT 0 CHECK (resolution IN (0, 1, 2));
-- The compaction's candidates by age, without reading a year of hourly rows to find them.
CREATE INDEX telemetry_samples_by_resolution ON telemetry_samples (resolution, at);

-- Who services a maker's printers: their orders and incidents go to this vendor company
-- (users.vendor_company), which sees them.
CREATE TABLE telemetry_vendors (
    maker TEXT PRIMARY KEY,
    vendor_company TEXT NOT NULL
) STRICT;
INSERT INTO telemetry_vendors (maker, vendor_company) VALUES ('リコー', 'リコージャパン株式会社');

-- トナーの配送と回収: one order per device and colour while one is open (ordered, shipped,
-- delivered); replaced (a new cartridge seen before the order was closed) and collected
-- (the empty cartridge taken back) close it. Address and contact are copied from the ledger
-- when the order is made, as the delivery note had them.
CREATE TABLE telemetry_toner_orders (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    colour TEXT NOT NULL CHECK (colour IN ('black', 'cyan', 'magenta', 'yellow', 'none')),
    state TEXT NOT NULL CHECK (state IN ('ordered', 'shipped', 'delivered', 'collected', 'replaced')),
    reason TEXT NOT NULL,
    level_at_order INTEGER,
    days_to_empty_at_order REAL,
    delivery_address TEXT NOT NULL,
    contact TEXT NOT NULL,
    vendor_company TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    version INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE UNIQUE INDEX telemetry_toner_orders_open ON telemetry_toner_orders (device_id, colour)
    WHERE state IN ('ordered', 'shipped', 'delivered');
CREATE INDEX telemetry_toner_orders_by_state ON telemetry_toner_orders (state, id);

-- 不具合: one incident ticket per device and condition while the condition lasts; cleared_at
-- is set (and a note added to the ticket) when a cycle no longer sees it. affects_users marks
-- those the IT office is told about.
CREATE TABLE telemetry_fault_incidents (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    condition TEXT NOT NULL,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    affects_users INTEGER NOT NULL CHECK (affects_users IN (0, 1)),
    opened_at TEXT NOT NULL,
    cleared_at TEXT
) STRICT;
CREATE UNIQUE INDEX telemetry_fault_incidents_open ON telemetry_fault_incidents (device_id, condition)
    WHERE cleared_at IS NULL;
)SQL"},
    Migration{31, "lending: the requester is told when a lost device leaves the loan waiting again", R"SQL(
INSERT INTO notification_templates (event, version, subject_ja, body_ja, subject_en, body_en, updated_by, updated_at)
VALUES
('lending.reopened', 1, '【窓口】貸出予定の機器が用意できなくなりました {{request_number}}',
 '{{requester}} 様' || char(10) || char(10) || '承認済みの貸出申請 {{request_number}}（{{device_class}} {{quantity}}台、{{start_date}} ～ {{due_date}}）に割り当てていた機器 {{asset_tag}} が紛失・盗難の届出により貸し出せなくなりました。' || char(10) || '代わりの機器が空いていないため、申請は承認待ちに戻りました。機器が用意でき次第あらためてお知らせします。' || char(10) || char(10) || '{{url}}',
 'Loan request waiting again: {{request_number}}',
 'The device {{asset_tag}} set aside for your approved loan request {{request_number}} ({{device_class}} x{{quantity}}, {{start_date}} to {{due_date}}) was reported lost or stolen and no other device is free, so the request waits for approval again. You will hear from the desk once a device is ready.' || char(10) || char(10) || '{{url}}',
 'system', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
INSERT INTO notification_routing (event, position, recipient) VALUES ('lending.reopened', 1, 'requester');
)SQL"},
    Migration{32, "notifications: channels per routed recipient, inbox entries that point at loans", R"SQL(
-- How the users a routed recipient names are told (shared/notifications/route_channels.hpp):
-- by e-mail, in the app, or both, as every recipient was until now. email: and slack:
-- recipients keep 1, 1 and ignore them.
ALTER TABLE notification_routing ADD COLUMN tell_by_email INTEGER NOT NULL DEFAULT 1 CHECK (tell_by_email IN (0, 1));
ALTER TABLE notification_routing ADD COLUMN tell_in_app INTEGER NOT NULL DEFAULT 1
    CHECK (tell_in_app IN (0, 1) AND (tell_by_email = 1 OR tell_in_app = 1));

-- A lending notification's entry points at its loan request, as a ticket's at the ticket.
ALTER TABLE notification_inbox ADD COLUMN loan_request_id INTEGER REFERENCES loan_requests (id);
ALTER TABLE notification_inbox ADD COLUMN loan_request_number TEXT NOT NULL DEFAULT '';
-- Entries written before had only the app link in their text (the {{url}} of the lending
-- templates, /#/lending/requests/<id>); the client read it from there. Taken from the text
-- once here, so the client reads the reference alone.
UPDATE notification_inbox SET loan_request_id = r.id, loan_request_number = r.number
FROM loan_requests r
WHERE notification_inbox.event LIKE 'lending.%'
  AND instr(notification_inbox.body_ja, '/#/lending/requests/') > 0
  AND r.id = CAST(substr(notification_inbox.body_ja, instr(notification_inbox.body_ja, '/#/lending/requests/') + 20) AS INTEGER);
)SQL"},
    Migration{33, "telemetry: loop rules as settings, rated speeds per model; chatbot probes keep their interval", R"SQL(
-- The rules a recorded poll cycle applies (shared/telemetry/loop_rules.hpp), as the IT office
-- set them; no row: the defaults in code. One row, versioned so two editors cannot overwrite
-- each other unseen.
CREATE TABLE telemetry_loop_rules (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    offline_cycles INTEGER NOT NULL,
    lead_time_days INTEGER NOT NULL,  -- whole days: deliveries are booked by the day
    order_at_percent INTEGER NOT NULL,
    replacement_rise INTEGER NOT NULL,
    window_days INTEGER NOT NULL,
    min_days INTEGER NOT NULL,
    incident_requester TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- How often the probe ran when it took each result: availability lets a result hold until
-- the next probe but no longer than a few intervals (server/chatbot/availability.hpp). The
-- probes before this migration ran at the default minute unless serve was told otherwise.
ALTER TABLE chatbot_probes ADD COLUMN interval_seconds INTEGER NOT NULL DEFAULT 60 CHECK (interval_seconds > 0);

-- The rated speed of a printer model as the IT office entered it: more pages between two
-- counter samples than the model prints in the time is a garbled or replaced counter, not
-- billed (server/telemetry/model_speed_store.hpp). Models without a row: the fleet's fastest.
CREATE TABLE telemetry_model_speeds (
    model_id INTEGER PRIMARY KEY REFERENCES device_models (id) ON DELETE CASCADE,
    pages_per_minute INTEGER NOT NULL CHECK (pages_per_minute BETWEEN 1 AND 300),
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
)SQL"},
    Migration{34, "telemetry: pages per device and Tokyo day, kept for closed days", R"SQL(
-- Billing's pages per device and Tokyo day (server/telemetry/page_days.hpp), a cache of the
-- counter samples kept by the retention job for closed days: day is days since 1970-01-01.
-- Only days with a counted delta have a row; the kept range says which days were walked.
CREATE TABLE telemetry_page_days (
    device_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    reset INTEGER NOT NULL CHECK (reset IN (0, 1)),
    PRIMARY KEY (device_id, day)
) STRICT, WITHOUT ROWID;
CREATE INDEX telemetry_page_days_by_day ON telemetry_page_days (day, device_id);

-- The days [first_day, last_day] walked for a device, at the rated speed then in force.
CREATE TABLE telemetry_page_days_kept (
    device_id INTEGER PRIMARY KEY,
    first_day INTEGER NOT NULL,
    last_day INTEGER NOT NULL,
    max_pages_per_hour INTEGER NOT NULL
) STRICT;

-- A counter sample written, removed or changed changes the deltas of its Tokyo day and of
-- the days after it (the next delta counts from it): those kept days are dropped, whoever
-- wrote the sample (the poller, the compaction, an import). Unix seconds are never negative.
CREATE TRIGGER telemetry_page_days_on_insert AFTER INSERT ON telemetry_samples WHEN NEW.kind = 3 BEGIN
    DELETE FROM telemetry_page_days WHERE device_id = NEW.device_id AND day >= (NEW.at + 32400) / 86400;
    UPDATE telemetry_page_days_kept SET last_day = (NEW.at + 32400) / 86400 - 1
        WHERE device_id = NEW.device_id AND last_day >= (NEW.at + 32400) / 86400;
END;
CREATE TRIGGER telemetry_page_days_on_delete AFTER DELETE ON telemetry_samples WHEN OLD.kind = 3 BEGIN
    DELETE FROM telemetry_page_days WHERE device_id = OLD.device_id AND day >= (OLD.at + 32400) / 86400;
    UPDATE telemetry_page_days_kept SET last_day = (OLD.at + 32400) / 86400 - 1
        WHERE device_id = OLD.device_id AND last_day >= (OLD.at + 32400) / 86400;
END;
CREATE TRIGGER telemetry_page_days_on_update AFTER UPDATE ON telemetry_samples WHEN OLD.kind = 3 OR NEW.kind = 3 BEGIN
    DELETE FROM telemetry_page_days WHERE device_id IN (OLD.device_id, NEW.device_id)
        AND day >= (min(OLD.at, NEW.at) + 32400) / 86400;
    UPDATE telemetry_page_days_kept SET last_day = min(last_day, (min(OLD.at, NEW.at) + 32400) / 86400 - 1)
        WHERE device_id IN (OLD.device_id, NEW.device_id);
END;
)SQL"},
    Migration{35, "telemetry: when each kind was last read from a device, for the poll job's per-device turns", R"SQL(
-- Unix seconds of the cycle that last read the kind from the device (NULL: never); the poll
-- job reads an hourly or daily kind at the device's own turn (server/telemetry/poll_schedule.hpp).
ALTER TABLE telemetry_device_state ADD COLUMN status_read_at INTEGER;
ALTER TABLE telemetry_device_state ADD COLUMN supplies_read_at INTEGER;
ALTER TABLE telemetry_device_state ADD COLUMN counters_read_at INTEGER;
ALTER TABLE telemetry_device_state ADD COLUMN firmware_read_at INTEGER;
)SQL"},
};

Status apply(Database& database, const Migration& migration) {
    return database.transaction([&]() -> Status {
        // Read again under the write lock: another process may have applied it meanwhile.
        auto current = schema_version(database);
        if (!current) return Error{current.error()};
        if (current.value() >= migration.version) return success();
        if (auto created = database.execute(migration.sql); !created) {
            return Error{"migration " + std::to_string(migration.version) + " failed: " + created.error()};
        }
        if (migration.after) {
            if (auto stepped = migration.after(database); !stepped) {
                return Error{"migration " + std::to_string(migration.version) + " failed: " + stepped.error()};
            }
        }
        auto record = database.prepare(
            "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
        if (!record) return Error{record.error()};
        record.value().bind(1, std::int64_t{migration.version}).bind(2, migration.name);
        if (auto inserted = record.value().step(); !inserted) return Error{inserted.error()};
        return success();
    });
}

}  // namespace

std::span<const Migration> all_migrations() { return migrations; }

int latest_schema_version() { return migrations.back().version; }

Result<int> schema_version(Database& database) {
    auto exists = database.table_exists("schema_migrations");
    if (!exists) return Error{exists.error()};
    if (!exists.value()) return 0;
    auto version = database.query_int("SELECT max(version) FROM schema_migrations");
    if (!version) return Error{version.error()};
    return static_cast<int>(version.value().value_or(0));
}

Result<MigrationOutcome> migrate(Database& database) {
    auto current = schema_version(database);
    if (!current) return Error{current.error()};
    const int from_version = current.value();
    if (from_version > latest_schema_version()) {
        return Error{database.path().string() + " has schema version " + std::to_string(from_version) +
                     ", newer than this madoguchi " + MADOGUCHI_VERSION + " knows (up to version " +
                     std::to_string(latest_schema_version()) + "); use a newer madoguchi. The database was not changed."};
    }
    for (const auto& migration : migrations) {
        if (migration.version <= from_version) continue;
        if (auto applied = apply(database, migration); !applied) return Error{applied.error()};
    }
    return MigrationOutcome{from_version, latest_schema_version()};
}

}  // namespace madoguchi::server::store
