#include "tickets/ticket_detail.hpp"

#include <charconv>

namespace madoguchi::client {
namespace {

std::optional<std::int64_t> positive_id(const std::string& text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    if (error != std::errc() || at != end || value < 1) return std::nullopt;
    return value;
}

std::optional<TicketLinkEntry> link_from_json(const nlohmann::json& json) {
    if (!json.is_object()) return std::nullopt;
    TicketLinkEntry link;
    link.id = json.value("id", std::int64_t{0});
    for (const auto& [kind, name] : {std::pair{"ticket", "number"}, std::pair{"device", "asset_tag"},
                                     std::pair{"configuration_item", "name"}}) {
        const auto found = json.find(kind);
        if (found == json.end() || !found->is_object()) continue;
        link.kind = kind;
        link.target_id = found->value("id", std::int64_t{0});
        link.name = found->value(name, std::string());
        return link;
    }
    return std::nullopt;
}

// The remaining business minutes of the clock that falls due first.
std::optional<std::int64_t> remaining_of(const nlohmann::json& sla) {
    for (const auto* name : {"first_response", "resolution"}) {
        const auto clock = sla.find(name);
        if (clock == sla.end() || !clock->is_object()) continue;
        const auto completed = clock->find("completed_at");
        const auto remaining = clock->find("remaining_minutes");
        if (completed != clock->end() && completed->is_string()) continue;
        if (remaining != clock->end() && remaining->is_number_integer()) return remaining->get<std::int64_t>();
    }
    return std::nullopt;
}

}  // namespace

std::string ticket_path(std::int64_t id, std::string_view rest) {
    std::string path = "/api/v1/tickets/";
    path.append(std::to_string(id)).append(rest);
    return path;
}

void TicketDetail::open(ApiClient& api, std::int64_t id) {
    if (id != id_) {
        close();
        id_ = id;
    }
    ++generation_;
    state_ = State::loading;
    api.get(ticket_path(id), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept(result);
    });
}

void TicketDetail::close() {
    ++generation_;
    state_ = State::idle;
    id_ = 0;
    timeline_.clear();
    links_.clear();
    moves_.clear();
    pending_move_.reset();
    move_comment.clear();
    note_text.clear();
    note_internal = false;
    link_target.clear();
    errors_.clear();
    busy_ = false;
    stale_ = false;
}

void TicketDetail::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    const auto ticket = document.is_object() ? ticket_summary_from_json(document.value("ticket", nlohmann::json())) : std::nullopt;
    if (!ticket) {
        state_ = State::failed;
        error_text_ = i18n::text("ticket_desk.load_failed", language_);
        return;
    }
    ticket_ = *ticket;
    id_ = ticket_.id;
    timeline_.clear();
    for (const auto& json : document.value("timeline", nlohmann::json::array())) {
        if (auto entry = timeline_entry_from_json(json)) timeline_.push_back(std::move(*entry));
    }
    links_.clear();
    for (const auto& json : document.value("links", nlohmann::json::array())) {
        if (auto link = link_from_json(json)) links_.push_back(std::move(*link));
    }
    moves_.clear();
    for (const auto& json : document.value("next", nlohmann::json::array())) {
        if (!json.is_object()) continue;
        moves_.push_back({json.value("to", std::string()), json.value("action", std::string()),
                          json.value("needs_comment", false), json.value("approval", false)});
    }
    sla_ = sla_badge_of(ticket_);
    sla_.remaining_minutes = remaining_of(document.value("sla", nlohmann::json::object()));
    fill_edit();
    state_ = State::loaded;
}

void TicketDetail::fill_edit() {
    edit_assignee = ticket_.assignee_login;
    edit_priority = ticket_.priority;
    edit_category = ticket_.category;
}

bool TicketDetail::fields_changed() const {
    return edit_assignee != ticket_.assignee_login || edit_priority != ticket_.priority ||
           edit_category != ticket_.category;
}

void TicketDetail::send_change(ApiClient& api, std::string method, std::string path, nlohmann::json body) {
    busy_ = true;
    errors_.clear();
    stale_ = false;
    api.send({std::move(method), std::move(path), body.dump(), {}},
             [this, &api, generation = generation_](const ApiResult& result) {
                 if (generation != generation_) return;  // another ticket was opened meanwhile
                 accept_change(api, result);
             });
}

void TicketDetail::accept_change(ApiClient& api, const ApiResult& result) {
    busy_ = false;
    if (result.ok()) {
        pending_move_.reset();
        move_comment.clear();
        note_text.clear();
        link_target.clear();
        accept(result);
        changed_ = ticket_;
        return;
    }
    if (result.status == 409 && result.error.code == "stale_version") {
        // What the other person left, in full: timeline, moves and all.
        stale_ = true;
        pending_move_.reset();
        open(api, id_);
        return;
    }
    errors_.add_result(result);
}

void TicketDetail::choose_move(ApiClient& api, const NextMove& move) {
    if (busy_ || state_ != State::loaded) return;
    if (move.needs_comment || move.approval) {
        pending_move_ = move;
        move_comment.clear();
        errors_.clear();
        return;
    }
    send_change(api, "POST", ticket_path(id_, "/transitions"), {{"to", move.to}, {"version", ticket_.version}});
}

bool TicketDetail::confirm_move(ApiClient& api) {
    if (busy_ || !pending_move_) return false;
    errors_.clear();
    const bool blank = move_comment.find_first_not_of(" \t\r\n　") == std::string::npos;
    if (pending_move_->needs_comment && blank) {
        errors_.add_local("comment", "ticket_desk.comment_required");
        return false;
    }
    nlohmann::json body{{"to", pending_move_->to}, {"version", ticket_.version}};
    if (!blank) body["comment"] = move_comment;
    send_change(api, "POST", ticket_path(id_, "/transitions"), std::move(body));
    return true;
}

void TicketDetail::cancel_move() {
    pending_move_.reset();
    move_comment.clear();
    errors_.clear();
}

bool TicketDetail::add_note(ApiClient& api) {
    if (busy_ || state_ != State::loaded) return false;
    errors_.clear();
    if (note_text.find_first_not_of(" \t\r\n　") == std::string::npos) {
        errors_.add_local("text", "field.required");
        return false;
    }
    send_change(api, "POST", ticket_path(id_, "/notes"),
                {{"text", note_text}, {"visibility", note_internal ? "internal" : "public"}});
    return true;
}

bool TicketDetail::add_link(ApiClient& api) {
    if (busy_ || state_ != State::loaded) return false;
    errors_.clear();
    const auto target = positive_id(link_target);
    const char* field = link_kind == LinkKind::ticket   ? "ticket_id"
                        : link_kind == LinkKind::device ? "device_id"
                                                        : "configuration_item_id";
    if (!target) {
        errors_.add_local(field, "ticket_desk.link.not_an_id");
        return false;
    }
    send_change(api, "POST", ticket_path(id_, "/links"), {{field, *target}});
    return true;
}

bool TicketDetail::save_fields(ApiClient& api) {
    if (busy_ || state_ != State::loaded || !fields_changed()) return false;
    nlohmann::json body{{"version", ticket_.version}};
    if (edit_assignee != ticket_.assignee_login) {
        body["assignee"] = edit_assignee.empty() ? nlohmann::json(nullptr) : nlohmann::json(edit_assignee);
    }
    if (edit_priority != ticket_.priority) body["priority"] = edit_priority;
    if (edit_category != ticket_.category) body["category"] = edit_category;
    send_change(api, "PATCH", ticket_path(id_), std::move(body));
    return true;
}

}  // namespace madoguchi::client
