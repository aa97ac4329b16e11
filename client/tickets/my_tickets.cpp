#include "tickets/my_tickets.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

#include "validation/text_rules.hpp"

namespace madoguchi::client {
namespace {

using nlohmann::json;

std::string text_of(const json& object, const char* name) {
    const auto found = object.find(name);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::int64_t id_of(const json& object, const char* name) {
    const auto found = object.find(name);
    return found != object.end() && found->is_number_integer() ? found->get<std::int64_t>() : 0;
}

MyTicketRow row_of(const json& inquiry) {
    return {id_of(inquiry, "id"),           text_of(inquiry, "number"),     text_of(inquiry, "subject"),
            text_of(inquiry, "status"),     text_of(inquiry, "updated_at"), text_of(inquiry, "answered_at")};
}

// GET /api/v1/tickets/{id} as the requester reads it; the row keeps what the list said about
// answers, which the detail's timeline shows but does not sum up.
MyTicketDetail detail_of(const json& document, const MyTicketRow& listed) {
    MyTicketDetail detail;
    const auto& ticket = document.contains("ticket") && document["ticket"].is_object() ? document["ticket"] : json::object();
    detail.requester_login = text_of(ticket, "requester_login");
    detail.row = {id_of(ticket, "id"), text_of(ticket, "number"), text_of(ticket, "title"),
                  text_of(ticket, "state"), text_of(ticket, "updated_at"), listed.answered_at};
    detail.body = text_of(ticket, "body");
    if (document.contains("timeline") && document["timeline"].is_array()) {
        for (const auto& event : document["timeline"]) {
            auto entry = timeline_entry_from_json(event);
            if (entry && !entry->internal) detail.timeline.push_back(std::move(*entry));
        }
    }
    return detail;
}

}  // namespace

std::string seen_answers_text(const std::map<std::int64_t, std::string>& seen) {
    auto object = json::object();
    for (const auto& [id, answered_at] : seen) object[std::to_string(id)] = answered_at;
    return object.dump();
}

std::map<std::int64_t, std::string> seen_answers_from_text(const std::string& text) {
    std::map<std::int64_t, std::string> seen;
    const auto parsed = json::parse(text, nullptr, false);
    if (!parsed.is_object()) return seen;
    for (const auto& [key, value] : parsed.items()) {
        std::int64_t id = 0;
        const auto [end, problem] = std::from_chars(key.data(), key.data() + key.size(), id);
        if (problem == std::errc() && end == key.data() + key.size() && value.is_string()) seen[id] = value.get<std::string>();
    }
    return seen;
}

void MyTickets::update(Clock::time_point now) {
    if (list_loading_ || (read_at_ && now - *read_at_ < refresh_interval)) return;
    read_at_ = now;
    refresh();
}

void MyTickets::refresh() {
    if (list_loading_) return;
    list_loading_ = true;
    api_.get("/api/v1/inquiries?mine=true&limit=200", [this](const ApiResult& result) {
        list_loading_ = false;
        if (!result.ok()) {
            list_error_ = result.error;
            return;
        }
        list_error_ = {};
        const auto document = json::parse(result.body, nullptr, false);
        rows_.clear();
        if (document.is_object() && document.contains("inquiries") && document["inquiries"].is_array()) {
            for (const auto& inquiry : document["inquiries"]) {
                if (inquiry.is_object()) rows_.push_back(row_of(inquiry));
            }
        }
        loaded_ = true;
        // An answer that came while the inquiry is open is seen at once.
        if (open_id_) {
            for (const auto& row : rows_) {
                if (row.id == *open_id_ && !row.answered_at.empty()) seen_[row.id] = row.answered_at;
            }
        }
    });
}

bool MyTickets::has_new_answer(const MyTicketRow& row) const {
    if (row.answered_at.empty()) return false;
    const auto seen = seen_.find(row.id);
    return seen == seen_.end() || seen->second < row.answered_at;
}

int MyTickets::new_answers() const {
    int count = 0;
    for (const auto& row : rows_) count += has_new_answer(row) ? 1 : 0;
    return count;
}

void MyTickets::open(std::int64_t id) {
    open_id_ = id;
    detail_.reset();
    reply_.clear();
    reply_errors_.clear();
    for (const auto& row : rows_) {
        if (row.id == id && !row.answered_at.empty()) seen_[id] = row.answered_at;
    }
    read_detail(id);
}

void MyTickets::close() {
    open_id_.reset();
    detail_.reset();
    detail_error_ = {};
}

void MyTickets::read_detail(std::int64_t id) {
    detail_loading_ = true;
    api_.get("/api/v1/tickets/" + std::to_string(id), [this, id](const ApiResult& result) {
        if (open_id_ != id) return;  // the user went on to another inquiry
        detail_loading_ = false;
        if (!result.ok()) {
            detail_error_ = result.error;
            return;
        }
        detail_error_ = {};
        MyTicketRow listed;
        for (const auto& row : rows_) {
            if (row.id == id) listed = row;
        }
        const auto document = json::parse(result.body, nullptr, false);
        detail_ = detail_of(document.is_object() ? document : json::object(), listed);
    });
}

bool MyTickets::send_reply() {
    if (!open_id_ || reply_sending_) return false;
    reply_errors_.clear();
    if (const auto problem = validation::text_problem(reply_, 10000, true, true); !problem.empty()) {
        reply_errors_.add_local("text", problem);
        return false;
    }
    reply_sending_ = true;
    const auto id = *open_id_;
    HttpRequest request{"POST", "/api/v1/tickets/" + std::to_string(id) + "/notes", json{{"text", reply_}}.dump(), {}};
    api_.send(std::move(request), [this, id](const ApiResult& result) {
        reply_sending_ = false;
        if (!result.ok()) {
            reply_errors_.add_result(result);
            return;
        }
        if (open_id_ == id) {
            reply_.clear();
            read_detail(id);
        }
        refresh();
    });
    return true;
}

}  // namespace madoguchi::client
