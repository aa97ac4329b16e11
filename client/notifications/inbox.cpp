#include "notifications/inbox.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "tickets/ticket_list.hpp"

namespace madoguchi::client {
namespace {

using nlohmann::json;

std::optional<InboxItem> item_of(const json& entry) {
    if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_number_integer()) return std::nullopt;
    InboxItem item;
    item.id = entry["id"].get<std::int64_t>();
    item.event = json_text(entry, "event");
    if (entry.contains("ticket_id") && entry["ticket_id"].is_number_integer()) item.ticket_id = entry["ticket_id"].get<std::int64_t>();
    item.ticket_number = json_text(entry, "ticket_number");
    item.title_ja = json_text(entry, "title_ja");
    item.body_ja = json_text(entry, "body_ja");
    item.title_en = json_text(entry, "title_en");
    item.body_en = json_text(entry, "body_en");
    item.created_at = calendar::parse_iso8601(json_text(entry, "created_at")).instant.value_or(calendar::Instant{});
    item.read = entry.contains("read_at") && entry["read_at"].is_string();
    if (entry.contains("loan_request_id") && entry["loan_request_id"].is_number_integer()) {
        item.loan_request_id = entry["loan_request_id"].get<std::int64_t>();
    }
    item.loan_request_number = json_text(entry, "loan_request_number");
    return item;
}

}  // namespace

const std::string& InboxItem::title(i18n::Language language) const {
    return language == i18n::Language::en && !title_en.empty() ? title_en : title_ja;
}

const std::string& InboxItem::body(i18n::Language language) const {
    return language == i18n::Language::en && !body_en.empty() ? body_en : body_ja;
}

void NotificationInbox::update(Clock::time_point now) {
    if (const auto writes = api_.writes_done(); writes != writes_seen_) {
        writes_seen_ = writes;
        write_read_due_ = now + write_settle;
    }
    const bool write_settled = write_read_due_ && now >= *write_read_due_;
    if (loading_ || (read_at_ && now - *read_at_ < poll_interval && !write_settled)) return;
    read_at_ = now;
    write_read_due_.reset();
    refresh();
}

void NotificationInbox::refresh() { read_page({}); }

void NotificationInbox::clear() {
    ++generation_;
    items_.clear();
    unread_ = 0;
    loaded_ = false;
    loading_ = false;
    error_ = {};
    next_cursor_.reset();
    read_at_.reset();
    writes_seen_ = api_.writes_done();
    write_read_due_.reset();
}

void NotificationInbox::load_more() {
    if (next_cursor_ && !loading_) read_page(*next_cursor_);
}

void NotificationInbox::read_page(const std::string& cursor) {
    if (loading_) return;
    loading_ = true;
    auto path = "/api/v1/me/notifications?limit=" + std::to_string(page_size);
    if (!cursor.empty()) path.append("&cursor=").append(cursor);
    const bool first_page = cursor.empty();
    api_.get(path, [this, first_page, generation = generation_](const ApiResult& result) {
        if (generation != generation_) return;
        accept_page(result, first_page);
    });
}

void NotificationInbox::accept_page(const ApiResult& result, bool first_page) {
    loading_ = false;
    if (!result.ok()) {
        error_ = result.error;
        return;
    }
    const auto document = json::parse(result.body, nullptr, false);
    if (!document.is_object()) return;
    error_ = {};
    loaded_ = true;
    if (first_page) items_.clear();
    if (document.contains("notifications") && document["notifications"].is_array()) {
        for (const auto& entry : document["notifications"]) {
            if (auto item = item_of(entry)) items_.push_back(std::move(*item));
        }
    }
    unread_ = document.value("unread", 0);
    const auto next = document.find("next_cursor");
    next_cursor_ = next != document.end() && next->is_string() ? std::optional(next->get<std::string>()) : std::nullopt;
}

void NotificationInbox::mark_read(std::int64_t id) {
    const auto found = std::find_if(items_.begin(), items_.end(), [id](const auto& item) { return item.id == id; });
    if (found == items_.end() || found->read) return;
    // Shown read at once; the next read of the list says what the server kept.
    found->read = true;
    unread_ = std::max(0, unread_ - 1);
    api_.send({"POST", "/api/v1/me/notifications/" + std::to_string(id) + "/read", "{}", {}},
              [this, generation = generation_](const ApiResult& result) {
                  if (generation == generation_ && !result.ok()) refresh();
              });
}

void NotificationInbox::mark_all_read() {
    for (auto& item : items_) item.read = true;
    unread_ = 0;
    api_.send({"POST", "/api/v1/me/notifications/read-all", "{}", {}}, [this, generation = generation_](const ApiResult&) {
        if (generation == generation_) refresh();
    });
}

NotificationInbox::Target NotificationInbox::open(std::int64_t id) {
    const auto found = std::find_if(items_.begin(), items_.end(), [id](const auto& item) { return item.id == id; });
    if (found == items_.end()) return {};
    const Target target = found->ticket_id ? Target{found->ticket_id, std::nullopt} : Target{std::nullopt, found->loan_request_id};
    mark_read(id);
    return target;
}

}  // namespace madoguchi::client
