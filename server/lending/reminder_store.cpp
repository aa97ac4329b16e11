#include "lending/reminder_store.hpp"

namespace madoguchi::server::lending {
namespace {

namespace domain = madoguchi::lending;

constexpr std::string_view select_reminders =
    "SELECT m.id, m.request_id, m.key, m.kind, m.business_days, m.due_date, m.state, m.overdue_number, m.recorded_at, "
    "m.sent_by FROM loan_reminders m";

calendar::Instant instant_of(const std::string& text) {
    return calendar::parse_iso8601(text).instant.value_or(calendar::Instant{});
}

calendar::Date date_of(const std::string& text) { return calendar::parse_date(text).value_or(calendar::Date{}); }

ReminderRecord read_reminder(const store::Statement& row) {
    ReminderRecord record;
    record.id = row.column_int(0);
    record.request_id = row.column_int(1);
    record.key = row.column_text(2);
    record.kind = domain::parse_reminder_kind(row.column_text(3)).value_or(domain::ReminderKind::before_due);
    record.business_days = static_cast<int>(row.column_int(4));
    record.due_date = date_of(row.column_text(5));
    record.state = row.column_text(6) == "superseded" ? ReminderState::superseded : ReminderState::sent;
    record.overdue_number = static_cast<int>(row.column_int(7));
    record.recorded_at = instant_of(row.column_text(8));
    record.sent_by = row.column_text(9);
    return record;
}

// request_id, due_date, schedule_start, escalated_at
LoanTrack read_track(const store::Statement& row) {
    LoanTrack track{date_of(row.column_text(1)), instant_of(row.column_text(2)), std::nullopt};
    if (const auto escalated = row.column_text(3); !escalated.empty()) track.escalated_at = instant_of(escalated);
    return track;
}

template <typename Read>
store::Status each_row(store::Statement& select, Read read) {
    while (true) {
        auto row = select.step();
        if (!row) return store::Error{row.error()};
        if (!row.value()) return store::success();
        read(select);
    }
}

}  // namespace

nlohmann::json to_json(const ReminderRecord& record) {
    return {{"id", record.id},
            {"request_id", record.request_id},
            {"key", record.key},
            {"kind", domain::reminder_kind_name(record.kind)},
            {"business_days", record.business_days},
            {"due_date", calendar::format_date(record.due_date)},
            {"state", record.state == ReminderState::sent ? "sent" : "superseded"},
            {"overdue_number", record.overdue_number},
            {"recorded_at", calendar::format_iso8601_utc(record.recorded_at)},
            {"sent_by", record.sent_by}};
}

domain::SentReminder to_sent(const ReminderRecord& record) {
    return {record.key, record.kind, record.recorded_at, record.state == ReminderState::superseded};
}

store::Result<std::vector<ActiveLoan>> loans_on_loan(store::Database& database) {
    auto select = database.prepare(
        "SELECT id, class, start_date, due_date FROM loan_requests WHERE state = 'on_loan' ORDER BY id");
    if (!select) return store::Error{select.error()};
    std::vector<ActiveLoan> loans;
    auto read = each_row(select.value(), [&](const store::Statement& row) {
        loans.push_back({row.column_int(0), row.column_text(1), date_of(row.column_text(2)), date_of(row.column_text(3))});
    });
    if (!read) return store::Error{read.error()};
    return loans;
}

store::Result<std::unordered_map<std::int64_t, std::vector<ReminderRecord>>> reminders_on_loan(store::Database& database) {
    auto select = database.prepare(std::string(select_reminders) +
                                   " JOIN loan_requests r ON r.id = m.request_id WHERE r.state = 'on_loan' ORDER BY m.id");
    if (!select) return store::Error{select.error()};
    std::unordered_map<std::int64_t, std::vector<ReminderRecord>> reminders;
    auto read = each_row(select.value(), [&](const store::Statement& row) {
        auto record = read_reminder(row);
        reminders[record.request_id].push_back(std::move(record));
    });
    if (!read) return store::Error{read.error()};
    return reminders;
}

store::Result<std::unordered_map<std::int64_t, LoanTrack>> tracks_on_loan(store::Database& database) {
    auto select = database.prepare(
        "SELECT t.request_id, t.due_date, t.schedule_start, t.escalated_at FROM loan_reminder_tracks t "
        "JOIN loan_requests r ON r.id = t.request_id WHERE r.state = 'on_loan'");
    if (!select) return store::Error{select.error()};
    std::unordered_map<std::int64_t, LoanTrack> tracks;
    auto read = each_row(select.value(), [&](const store::Statement& row) { tracks.emplace(row.column_int(0), read_track(row)); });
    if (!read) return store::Error{read.error()};
    return tracks;
}

store::Result<std::vector<ReminderRecord>> reminders_of(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(std::string(select_reminders) + " WHERE m.request_id = ?1 ORDER BY m.id");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    std::vector<ReminderRecord> reminders;
    auto read = each_row(select.value(), [&](const store::Statement& row) { reminders.push_back(read_reminder(row)); });
    if (!read) return store::Error{read.error()};
    return reminders;
}

store::Result<std::optional<LoanTrack>> find_track(store::Database& database, std::int64_t request_id) {
    auto select = database.prepare(
        "SELECT request_id, due_date, schedule_start, escalated_at FROM loan_reminder_tracks WHERE request_id = ?1");
    if (!select) return store::Error{select.error()};
    select.value().bind(1, request_id);
    auto row = select.value().step();
    if (!row) return store::Error{row.error()};
    if (!row.value()) return std::optional<LoanTrack>();
    return std::optional<LoanTrack>(read_track(select.value()));
}

store::Result<ReminderRecord> insert_reminder(store::Database& database, ReminderRecord record) {
    auto insert = database.prepare(
        "INSERT INTO loan_reminders (request_id, key, kind, business_days, due_date, state, overdue_number, "
        "recorded_at, sent_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!insert) return store::Error{insert.error()};
    insert.value().bind(1, record.request_id).bind(2, record.key).bind(3, domain::reminder_kind_name(record.kind))
        .bind(4, std::int64_t{record.business_days}).bind(5, calendar::format_date(record.due_date))
        .bind(6, std::string_view(record.state == ReminderState::sent ? "sent" : "superseded"))
        .bind(7, std::int64_t{record.overdue_number}).bind(8, calendar::format_iso8601_utc(record.recorded_at))
        .bind(9, record.sent_by);
    if (auto done = insert.value().step(); !done) return store::Error{done.error()};
    record.id = database.last_insert_id();
    return record;
}

store::Status save_track(store::Database& database, std::int64_t request_id, const LoanTrack& track) {
    auto upsert = database.prepare(
        "INSERT INTO loan_reminder_tracks (request_id, due_date, schedule_start, escalated_at) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (request_id) DO UPDATE SET due_date = excluded.due_date, schedule_start = excluded.schedule_start, "
        "escalated_at = excluded.escalated_at");
    if (!upsert) return store::Error{upsert.error()};
    upsert.value().bind(1, request_id).bind(2, calendar::format_date(track.due_date))
        .bind(3, calendar::format_iso8601_utc(track.schedule_start))
        .bind(4, track.escalated_at ? calendar::format_iso8601_utc(*track.escalated_at) : std::string());
    if (auto done = upsert.value().step(); !done) return store::Error{done.error()};
    return store::success();
}

}  // namespace madoguchi::server::lending
