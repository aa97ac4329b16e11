#include "configuration/item_list.hpp"

#include "api/form_errors.hpp"

namespace madoguchi::client {

ItemList::ItemList(i18n::Language language)
    : language_(language),
      table_({{"configuration.column.name", 14.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return items_[row].item.fields.name; }},
              {"configuration.column.kind", 7.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) {
                   return i18n::text(configuration::kind_label_key(items_[row].item.fields.kind), language_);
               }},
              {"configuration.column.vendor", 0.0F, CellAlignment::left, SortKind::text,
               [this](std::size_t row) { return items_[row].item.fields.vendor; }},
              {"configuration.column.seats", 9.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   const auto& usage = items_[row].usage;
                   auto text = seats_text(usage);
                   // The mark travels with the row wherever the table is sorted or filtered.
                   if (usage && usage->over_allocated()) text = i18n::text("configuration.over_mark", language_) + text;
                   return text;
               },
               [this](std::size_t row) {
                   const auto& usage = items_[row].usage;
                   return usage ? static_cast<double>(usage->assigned) : -1.0;
               }},
              {"configuration.column.settings_version", 6.0F, CellAlignment::right, SortKind::number,
               [this](std::size_t row) {
                   const auto version = items_[row].settings_version;
                   return version > 0 ? std::to_string(version) : std::string();
               },
               [this](std::size_t row) { return static_cast<double>(items_[row].settings_version); }}},
             0) {}

void ItemList::load(ApiClient& api) {
    state_ = State::loading;
    api.get("/api/v1/configuration-items", [this](const ApiResult& result) { accept(result); });
}

void ItemList::accept(const ApiResult& result) {
    if (!result.ok()) {
        state_ = State::failed;
        error_text_ = client::error_text(result.error, language_);
        return;
    }
    const auto document = nlohmann::json::parse(result.body, nullptr, false);
    items_.clear();
    if (document.is_object() && document.contains("items") && document["items"].is_array()) {
        for (const auto& json : document["items"]) {
            if (auto entry = item_entry_from_json(json)) items_.push_back(std::move(*entry));
        }
    }
    state_ = State::loaded;
    table_.set_rows(items_.size());
}

const ItemEntry* ItemList::current() const {
    const auto row = table_.current_row();
    return row && *row < items_.size() ? &items_[*row] : nullptr;
}

void ItemList::replace(const ItemEntry& entry) {
    for (auto& item : items_) {
        if (item.item.id == entry.item.id) item = entry;
    }
    table_.contents_changed();
}

void ItemList::set_language(i18n::Language language) {
    if (language == language_) return;
    language_ = language;
    table_.contents_changed();
}

}  // namespace madoguchi::client
