#pragma once
// 構成管理's 概要 form for the open item: checked with the shared configuration::validate
// before sending, saved with the version it was read at (PATCH). A 409 stale_version answer
// carries the item as another user saved it: the form shows that and says so.
#include <optional>
#include <string>
#include <utility>

#include "api/api_client.hpp"
#include "api/form_errors.hpp"
#include "configuration/item_entry.hpp"

namespace madoguchi::client {

class ItemEditor {
public:
    // Shows `entry` in the form; unsaved typing is dropped.
    void open(const ItemEntry& entry);
    void close() { entry_.reset(); }
    const ItemEntry* entry() const { return entry_ ? &*entry_ : nullptr; }
    configuration::ItemFields& values() { return values_; }
    bool changed() const { return entry_ && !(entry_->item.fields == values_); }

    // Checks the form; sends the changes when they are fine. False when nothing was sent.
    bool save(ApiClient& api);
    // Reads a PATCH answer; public for tests with fixtures.
    void accept(const ApiResult& result);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    bool stale() const { return stale_; }
    // Once: the item as the server now has it, after a save or a 409.
    std::optional<ItemEntry> take_updated() { return std::exchange(updated_, std::nullopt); }
    bool take_saved() { return std::exchange(saved_, false); }

private:
    std::optional<ItemEntry> entry_;
    configuration::ItemFields values_;
    FormErrors errors_;
    bool busy_ = false;
    bool stale_ = false;
    bool saved_ = false;
    std::optional<ItemEntry> updated_;
};

// The PATCH body without the version: each field that differs from `before`.
nlohmann::json item_changes(const configuration::ItemFields& before, const configuration::ItemFields& after);

}  // namespace madoguchi::client
