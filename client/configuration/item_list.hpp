#pragma once
// 構成管理's list: every configuration item in the UI kit's table (name, kind, vendor, seats
// with an over-allocation mark, settings version), loaded once and refreshed by what the
// detail pane changes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "api/api_client.hpp"
#include "configuration/item_entry.hpp"
#include "ui/table_model.hpp"

namespace madoguchi::client {

class ItemList {
public:
    enum class State { idle, loading, loaded, failed };

    explicit ItemList(i18n::Language language);
    void load(ApiClient& api);
    // Reads a GET /api/v1/configuration-items answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    State state() const { return state_; }
    const std::string& error_text() const { return error_text_; }
    const std::vector<ItemEntry>& items() const { return items_; }
    TableModel& table() { return table_; }
    // The item on the table's current row.
    const ItemEntry* current() const;
    // An item as a change answered it: its row shows it at once.
    void replace(const ItemEntry& entry);
    void set_language(i18n::Language language);

private:
    State state_ = State::idle;
    std::string error_text_;
    std::vector<ItemEntry> items_;
    i18n::Language language_;
    TableModel table_;
};

}  // namespace madoguchi::client
