#pragma once
// 保存した絞り込み: named filters of the ticket list, kept per user on this browser (local
// storage under "ticket_filters.<login>") so each operator finds their own "私の期限超過" again
// after a reload. Storage is the platform's: the browser's localStorage, or nothing natively.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "tickets/ticket_list.hpp"

namespace madoguchi::client {

struct TextStorage {
    std::function<std::string(const std::string& key)> load;
    std::function<void(const std::string& key, const std::string& text)> store;
};

struct SavedFilter {
    std::string name;
    TicketFilter filter;
};

class SavedFilters {
public:
    void set_storage(TextStorage storage) { storage_ = std::move(storage); }
    // Reads `login`'s filters (when the user changed, or first).
    void follow_user(const std::string& login);
    const std::vector<SavedFilter>& filters() const { return filters_; }

    // Saves under `name` (replacing one of the same name); false for a blank name.
    bool save(const std::string& name, const TicketFilter& filter);
    void remove(const std::string& name);
    const TicketFilter* find(const std::string& name) const;

    // The stored text: [{"name", "filter"}…]; a damaged text reads as none.
    std::string to_text() const;
    void read_text(const std::string& text);

    std::string new_name;  // the name typed for the next save

private:
    void write() const;

    TextStorage storage_;
    std::string login_;
    bool read_ = false;
    std::vector<SavedFilter> filters_;
};

}  // namespace madoguchi::client
