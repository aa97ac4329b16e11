#include "inventory/device_history.hpp"

#include "api/form_errors.hpp"
#include "calendar/tokyo_time.hpp"
#include "inventory/asset_state.hpp"
#include "inventory/device_row.hpp"
#include "ui/format.hpp"

namespace madoguchi::client {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// The state's name in `language` from a before/after record; empty when it has none.
std::string state_text(const nlohmann::json& record, i18n::Language language) {
    if (!record.is_object()) return {};
    const auto state = inventory::parse_state(text_of(record, "state"));
    return state ? i18n::text(inventory::state_label_key(*state), language) : std::string();
}

}  // namespace

std::string history_action_text(const HistoryEntry& entry, i18n::Language language) {
    std::string key = "inventory.action.";
    key += entry.action;
    if (!i18n::has_key(key)) return entry.action;
    auto text = i18n::text(key, language);
    const auto from = state_text(entry.before, language);
    const auto to = state_text(entry.after, language);
    if (entry.action == "device.transitioned" && !from.empty() && !to.empty()) {
        text += fill_template(i18n::text("inventory.action.states", language), {{"from", from}, {"to", to}});
    }
    return text;
}

DeviceHistory::DeviceHistory(i18n::Language language)
    : language_(language),
      table_(
          {
              {"inventory.history.time", 10.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   const auto instant = calendar::parse_iso8601(entries_[row].occurred_at).instant;
                   return instant ? format_display_time(*instant, language_, false) : entries_[row].occurred_at;
               }},
              {"inventory.history.actor", 6.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return entries_[row].actor; }},
              {"inventory.history.action", 11.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return history_action_text(entries_[row], language_); }},
              {"inventory.history.reason", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return entries_[row].reason; }},
          },
          0,
          [this](std::size_t row) {
              auto label = entries_[row].actor;
              label += ' ';
              label += history_action_text(entries_[row], language_);
              return label;
          }) {}

void DeviceHistory::load(ApiClient& api, std::int64_t device_id) {
    if (device_id != device_id_) {
        entries_.clear();
        table_.set_rows(0);
    }
    device_id_ = device_id;
    ++generation_;
    state_ = State::loading;
    error_.clear();
    api.get(device_path(device_id, "/history"),
            [this, generation = generation_](const ApiResult& result) {
                if (generation != generation_) return;
                if (!result.ok()) {
                    state_ = State::failed;
                    error_ = client::error_text(result.error, language_);
                    return;
                }
                accept(result.body);
            });
}

void DeviceHistory::clear() {
    ++generation_;
    state_ = State::idle;
    device_id_ = 0;
    entries_.clear();
    table_.set_rows(0);
}

void DeviceHistory::accept(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("history") || !document["history"].is_array()) {
        state_ = State::failed;
        error_ = i18n::text("inventory.load_failed", language_);
        return;
    }
    entries_.clear();
    for (const auto& item : document["history"]) {
        if (!item.is_object()) continue;
        HistoryEntry entry;
        entry.id = item.value("id", nlohmann::json(0)).is_number_integer() ? item["id"].get<std::int64_t>() : 0;
        entry.occurred_at = text_of(item, "occurred_at");
        entry.actor = text_of(item, "actor");
        entry.action = text_of(item, "action");
        entry.reason = text_of(item, "reason");
        entry.before = item.value("before", nlohmann::json());
        entry.after = item.value("after", nlohmann::json());
        entries_.push_back(std::move(entry));
    }
    table_.set_rows(entries_.size());
    state_ = State::loaded;
}

void DeviceHistory::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
