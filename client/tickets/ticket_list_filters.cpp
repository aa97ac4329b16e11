#include "tickets/ticket_list_filters.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

std::string key_of(const std::string& login) { return "ticket_filters." + login; }

}  // namespace

void SavedFilters::follow_user(const std::string& login) {
    if (read_ && login == login_) return;
    read_ = true;
    login_ = login;
    filters_.clear();
    if (storage_.load && !login.empty()) read_text(storage_.load(key_of(login)));
}

bool SavedFilters::save(const std::string& name, const TicketFilter& filter) {
    if (name.find_first_not_of(" \t　") == std::string::npos) return false;
    const auto found = std::find_if(filters_.begin(), filters_.end(), [&](const SavedFilter& f) { return f.name == name; });
    if (found != filters_.end()) {
        found->filter = filter;
    } else {
        filters_.push_back({name, filter});
    }
    write();
    return true;
}

void SavedFilters::remove(const std::string& name) {
    std::erase_if(filters_, [&](const SavedFilter& f) { return f.name == name; });
    write();
}

const TicketFilter* SavedFilters::find(const std::string& name) const {
    const auto found = std::find_if(filters_.begin(), filters_.end(), [&](const SavedFilter& f) { return f.name == name; });
    return found == filters_.end() ? nullptr : &found->filter;
}

std::string SavedFilters::to_text() const {
    auto list = nlohmann::json::array();
    for (const auto& saved : filters_) list.push_back({{"name", saved.name}, {"filter", to_json(saved.filter)}});
    return list.dump();
}

void SavedFilters::read_text(const std::string& text) {
    filters_.clear();
    const auto list = nlohmann::json::parse(text, nullptr, false);
    if (!list.is_array()) return;
    for (const auto& item : list) {
        if (!item.is_object() || !item.contains("name") || !item["name"].is_string()) continue;
        filters_.push_back({item["name"].get<std::string>(), ticket_filter_from_json(item.value("filter", nlohmann::json()))});
    }
}

void SavedFilters::write() const {
    if (storage_.store && !login_.empty()) storage_.store(key_of(login_), to_text());
}

}  // namespace madoguchi::client
