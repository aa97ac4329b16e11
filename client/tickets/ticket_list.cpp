#include "tickets/ticket_list.hpp"

#include <algorithm>

#include "api/form_errors.hpp"
#include "api/query_string.hpp"
#include "tickets/priority.hpp"
#include "tickets/sla_badge.hpp"
#include "tickets/ticket_kind.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

namespace domain = madoguchi::tickets;

// The last rows loaded: moving onto one of them reads the next page.
constexpr std::size_t rows_before_end = 5;

}  // namespace

std::string json_text(const nlohmann::json& json, const char* name) {
    const auto found = json.find(name);
    return found != json.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string kind_label(const std::string& kind, i18n::Language language) {
    const auto parsed = domain::parse_kind(kind);
    return parsed ? i18n::text(domain::kind_label_key(*parsed), language) : kind;
}

std::string state_label(const std::string& state, i18n::Language language) {
    const auto parsed = domain::parse_ticket_state(state);
    return parsed ? i18n::text(domain::state_label_key(*parsed), language) : state;
}

std::string priority_label(const std::string& priority, i18n::Language language) {
    const auto parsed = domain::parse_priority(priority);
    return parsed ? i18n::text(domain::priority_label_key(*parsed), language) : priority;
}

std::optional<TicketSummary> ticket_summary_from_json(const nlohmann::json& json) {
    if (!json.is_object() || !json.contains("id") || !json["id"].is_number_integer()) return std::nullopt;
    TicketSummary ticket;
    ticket.id = json["id"].get<std::int64_t>();
    ticket.number = json_text(json, "number");
    ticket.kind = json_text(json, "kind");
    ticket.state = json_text(json, "state");
    ticket.title = json_text(json, "title");
    ticket.body = json_text(json, "body");
    ticket.requester_login = json_text(json, "requester_login");
    ticket.division_code = json_text(json, "division_code");
    ticket.category = json_text(json, "category");
    ticket.priority = json_text(json, "priority");
    ticket.assignee_login = json_text(json, "assignee_login");
    ticket.vendor_company = json_text(json, "vendor_company");
    ticket.version = json.value("version", std::int64_t{0});
    ticket.created_at = json_text(json, "created_at");
    if (const auto due = json_text(json, "sla_due_at"); !due.empty()) ticket.sla_due_at = due;
    ticket.sla_breached = json.value("sla_breached", false);
    ticket.sla_near_breach = json.value("sla_near_breach", false);
    return ticket;
}

nlohmann::json to_json(const TicketFilter& filter) {
    return {{"kind", filter.kind},         {"state", filter.state},       {"assignee", filter.assignee},
            {"mine", filter.mine},         {"breached", filter.breached}, {"text", filter.text}};
}

TicketFilter ticket_filter_from_json(const nlohmann::json& json) {
    TicketFilter filter;
    if (!json.is_object()) return filter;
    filter.kind = json_text(json, "kind");
    filter.state = json_text(json, "state");
    filter.assignee = json_text(json, "assignee");
    filter.text = json_text(json, "text");
    filter.mine = json.value("mine", false);
    filter.breached = json.value("breached", false);
    return filter;
}

std::string tickets_path(const TicketFilter& filter, int limit, const std::string& cursor) {
    return with_query("/api/v1/tickets", {{"kind", filter.kind},
                                          {"state", filter.state},
                                          {"assignee", filter.assignee},
                                          {"mine", filter.mine ? "true" : ""},
                                          {"breached", filter.breached ? "true" : ""},
                                          {"q", filter.text},
                                          {"limit", std::to_string(limit)},
                                          {"cursor", cursor}});
}

TicketList::TicketList(i18n::Language language)
    : language_(language),
      table_({{"ticket_desk.column.number", 9.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return tickets_[row].number; }},
              {"ticket_desk.column.kind", 7.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return kind_label(tickets_[row].kind, language_); }},
              {"ticket_desk.column.title", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return tickets_[row].title; }},
              {"ticket_desk.column.state", 7.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return state_label(tickets_[row].state, language_); }},
              {"ticket_desk.column.priority", 4.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return priority_label(tickets_[row].priority, language_); }},
              {"ticket_desk.column.assignee", 7.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return tickets_[row].assignee_login; }},
              {"ticket_desk.column.sla", 11.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return sla_badge_text(sla_badge_of(tickets_[row]), language_); }}},
             0, [this](std::size_t row) { return tickets_[row].number + ' ' + tickets_[row].title; }) {}

void TicketList::load(ApiClient& api, const TicketFilter& filter) {
    ++generation_;
    // Another filter is another list: its loading state, not the old rows. A reload of the same
    // list keeps its rows until the answer replaces them, so a row can still be chosen.
    if (filter != filter_) {
        tickets_.clear();
        table_.set_rows(0);
    }
    filter_ = filter;
    state_ = State::loading;
    loading_more_ = false;
    next_cursor_.clear();
    api.get(tickets_path(filter_, page_size, {}), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept_page(result);
    });
}

void TicketList::load_more(ApiClient& api) {
    if (state_ != State::loaded || loading_more_ || next_cursor_.empty()) return;
    loading_more_ = true;
    api.get(tickets_path(filter_, page_size, next_cursor_), [this, generation = generation_](const ApiResult& result) {
        if (generation == generation_) accept_page(result);
    });
}

void TicketList::accept_page(const ApiResult& result) {
    const bool more = loading_more_;
    loading_more_ = false;
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    if (!document.is_object() || !document.contains("tickets") || !document["tickets"].is_array()) {
        state_ = State::failed;
        error_text_ = i18n::text("ticket_desk.load_failed", language_);
        return;
    }
    const auto* chosen = current();
    const std::int64_t kept_id = chosen != nullptr ? chosen->id : 0;  // ids start at 1
    if (!more) tickets_.clear();
    for (const auto& json : document["tickets"]) {
        if (auto ticket = ticket_summary_from_json(json)) tickets_.push_back(std::move(*ticket));
    }
    total_ = document.value("total", static_cast<std::int64_t>(tickets_.size()));
    const auto capped = document.find("total_capped");
    total_capped_ = capped != document.end() && capped->is_boolean() && capped->get<bool>();
    const auto cursor = document.find("next_cursor");
    next_cursor_ = cursor != document.end() && cursor->is_string() && !document["tickets"].empty()
                       ? cursor->get<std::string>()
                       : std::string();
    // A further page or a reload keeps the ticket the user is on, where it still is.
    table_.set_rows(tickets_.size());
    if (kept_id != 0) {
        const auto& visible = table_.visible_rows();
        const auto at = std::find_if(visible.begin(), visible.end(), [&](std::size_t row) { return tickets_[row].id == kept_id; });
        if (at != visible.end()) table_.click(static_cast<std::size_t>(at - visible.begin()), {});
    }
    state_ = State::loaded;
}

std::string TicketList::count_text() const {
    return fill_template(i18n::text(total_capped_ ? "ticket_desk.count_capped" : "ticket_desk.count", language_),
                         {{"shown", std::to_string(tickets_.size())}, {"total", std::to_string(total_)}});
}

const TicketSummary* TicketList::current() const {
    const auto row = table_.current_row();
    return row && *row < tickets_.size() ? &tickets_[*row] : nullptr;
}

void TicketList::replace(const TicketSummary& ticket) {
    for (auto& row : tickets_) {
        if (row.id == ticket.id) {
            row = ticket;
            table_.contents_changed();
            return;
        }
    }
}

bool TicketList::wants_more() const {
    if (!has_more() || loading_more_ || state_ != State::loaded) return false;
    const auto position = table_.current_position();
    const auto shown = table_.visible_rows().size();
    return position && *position + rows_before_end >= shown;
}

void TicketList::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
