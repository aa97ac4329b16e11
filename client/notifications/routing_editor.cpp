#include "notifications/routing_editor.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>

namespace madoguchi::client {
namespace {

using nlohmann::json;

constexpr std::array<RecipientKind, 6> kinds{{
    {"requester", "notifications_inbox.recipient.requester", false},
    {"assignee", "notifications_inbox.recipient.assignee", false},
    {"vendor_contacts", "notifications_inbox.recipient.vendor_contacts", false},
    {"role:", "notifications_inbox.recipient.role", true},
    {"email:", "notifications_inbox.recipient.email", true},
    {"slack:", "notifications_inbox.recipient.slack", true},
}};

// A bare string is told every way; an object names its channels.
std::optional<RecipientDraft> recipient_of(const json& item) {
    if (item.is_string()) return RecipientDraft{item.get<std::string>(), {}};
    if (!item.is_object() || !item.contains("recipient") || !item["recipient"].is_string()) return std::nullopt;
    RecipientDraft draft{item["recipient"].get<std::string>(), {}};
    if (item.contains("channels") && item["channels"].is_array()) {
        std::vector<std::string> names;
        for (const auto& name : item["channels"]) {
            if (name.is_string()) names.push_back(name.get<std::string>());
        }
        draft.channels = notifications::parse_route_channels(names).channels;
    }
    return draft;
}

std::vector<RouteDraft> routes_of(const std::string& body) {
    std::vector<RouteDraft> routes;
    const auto document = json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("routes") || !document["routes"].is_array()) return routes;
    for (const auto& route : document["routes"]) {
        if (!route.is_object() || !route.contains("event") || !route["event"].is_string()) continue;
        RouteDraft draft{route["event"].get<std::string>(), {}};
        if (route.contains("recipients") && route["recipients"].is_array()) {
            for (const auto& recipient : route["recipients"]) {
                if (auto read = recipient_of(recipient)) draft.recipients.push_back(std::move(*read));
            }
        }
        routes.push_back(std::move(draft));
    }
    return routes;
}

}  // namespace

std::span<const RecipientKind> recipient_kinds() { return kinds; }

std::string RoutingEditor::recipient_field(std::size_t route, std::size_t index) {
    return std::string("routes[")
        .append(std::to_string(route))
        .append("].recipients[")
        .append(std::to_string(index))
        .append("]");
}

void RoutingEditor::load(ApiClient& api) {
    state_ = State::loading;
    api.get("/api/v1/notifications/routing", [this, generation = ++generation_](const ApiResult& result) {
        if (generation == generation_) accept_load(result);
    });
}

void RoutingEditor::close() {
    ++generation_;
    state_ = State::idle;
    routes_.clear();
    saved_.clear();
    new_recipients_.clear();
    saving_ = false;
    just_saved_ = false;
    errors_.clear();
}

void RoutingEditor::accept_load(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        load_error_ = result.error;
        return;
    }
    routes_ = routes_of(result.body);
    saved_ = routes_;
    new_recipients_.assign(routes_.size(), {});
    errors_.clear();
    state_ = State::loaded;
}

bool RoutingEditor::add_recipient(std::size_t route, const RecipientKind& kind, const std::string& value) {
    if (route >= routes_.size()) return false;
    std::string recipient(kind.name);
    if (kind.takes_value) {
        if (value.empty()) return false;
        recipient += value;
    }
    auto& recipients = routes_[route].recipients;
    const auto listed = [&](const RecipientDraft& draft) { return draft.recipient == recipient; };
    if (std::find_if(recipients.begin(), recipients.end(), listed) != recipients.end()) return false;
    recipients.push_back({std::move(recipient), {}});
    // The server's problems name recipients by position: after an edit they may name others.
    errors_.clear();
    return true;
}

bool RoutingEditor::add_new_recipient(std::size_t route) {
    if (route >= new_recipients_.size()) return false;
    auto& typed = new_recipients_[route];
    const auto kind = static_cast<std::size_t>(std::clamp(typed.kind, 0, static_cast<int>(kinds.size()) - 1));
    if (!add_recipient(route, kinds[kind], typed.value)) return false;
    typed.value.clear();
    return true;
}

void RoutingEditor::remove_recipient(std::size_t route, std::size_t index) {
    if (route >= routes_.size() || index >= routes_[route].recipients.size()) return;
    auto& recipients = routes_[route].recipients;
    recipients.erase(recipients.begin() + static_cast<std::ptrdiff_t>(index));
    errors_.clear();
}

bool RoutingEditor::set_channel(std::size_t route, std::size_t index, notifications::RouteChannel channel, bool on) {
    if (route >= routes_.size() || index >= routes_[route].recipients.size()) return false;
    auto& draft = routes_[route].recipients[index];
    if (!notifications::names_users(draft.recipient)) return false;
    auto channels = draft.channels;
    channels.set(channel, on);
    if (!channels.any()) return false;
    draft.channels = channels;
    errors_.clear();
    return true;
}

void RoutingEditor::undo() {
    routes_ = saved_;
    errors_.clear();
}

bool RoutingEditor::save(ApiClient& api) {
    if (saving_ || state_ != State::loaded) return false;
    errors_.clear();
    auto routes = json::array();
    for (const auto& route : routes_) {
        auto recipients = json::array();
        for (const auto& [recipient, channels] : route.recipients) {
            recipients.push_back(notifications::recipient_json(recipient, channels));
        }
        routes.push_back({{"event", route.event}, {"recipients", recipients}});
    }
    saving_ = true;
    api.send({"PUT", "/api/v1/notifications/routing", json{{"routes", routes}}.dump(), {}},
             [this, generation = generation_](const ApiResult& result) {
                 if (generation == generation_) accept_save(result);
             });
    return true;
}

void RoutingEditor::accept_save(const ApiResult& result) {
    saving_ = false;
    if (!result.ok()) {
        errors_.add_result(result);
        return;
    }
    routes_ = routes_of(result.body);
    saved_ = routes_;
    new_recipients_.resize(routes_.size());
    just_saved_ = true;
}

}  // namespace madoguchi::client
