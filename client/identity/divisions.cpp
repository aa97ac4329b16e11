#include "identity/divisions.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace madoguchi::client {

void Divisions::load(ApiClient& api) {
    if (state_ == State::loading || state_ == State::loaded) return;
    state_ = State::loading;
    api.get("/api/v1/divisions", [this](const ApiResult& result) {
        if (!result.ok()) {
            state_ = State::failed;
            return;
        }
        accept(result.body);
    });
}

void Divisions::accept(const std::string& body) {
    const auto document = nlohmann::json::parse(body, nullptr, false);
    if (!document.is_object() || !document.contains("divisions") || !document["divisions"].is_array()) {
        state_ = State::failed;
        return;
    }
    std::map<std::string, DivisionEntry> by_code;
    for (const auto& item : document["divisions"]) {
        if (!item.is_object() || !item.value("code", nlohmann::json()).is_string()) continue;
        DivisionEntry entry;
        entry.code = item["code"].get<std::string>();
        const auto parent = item.value("parent_code", nlohmann::json());
        entry.parent_code = parent.is_string() ? parent.get<std::string>() : std::string();
        entry.name_ja = item.value("name_ja", nlohmann::json()).is_string() ? item["name_ja"].get<std::string>() : "";
        entry.name_en = item.value("name_en", nlohmann::json()).is_string() ? item["name_en"].get<std::string>() : "";
        by_code.emplace(entry.code, std::move(entry));
    }
    std::multimap<std::string, std::string> children;  // parent -> child codes, sorted
    for (const auto& [code, entry] : by_code) {
        // A parent that is not listed makes its child a top-level one rather than hiding it.
        const auto parent = by_code.contains(entry.parent_code) ? entry.parent_code : std::string();
        children.emplace(parent, code);
    }
    tree_.clear();
    std::set<std::string> placed;
    const std::function<void(const std::string&, int)> place = [&](const std::string& parent, int depth) {
        const auto [first, last] = children.equal_range(parent);
        for (auto it = first; it != last; ++it) {
            if (!placed.insert(it->second).second) continue;  // a cycle in the data
            auto entry = by_code.at(it->second);
            entry.depth = depth;
            tree_.push_back(entry);
            place(it->second, depth + 1);
        }
    };
    place(std::string(), 0);
    state_ = State::loaded;
}

std::string Divisions::name_of(const std::string& code, i18n::Language language) const {
    const auto index = index_of(code);
    if (index < 0) return code;
    const auto& entry = tree_[static_cast<std::size_t>(index)];
    if (language == i18n::Language::en && !entry.name_en.empty()) return entry.name_en;
    return entry.name_ja.empty() ? code : entry.name_ja;
}

int Divisions::index_of(const std::string& code) const {
    const auto found = std::find_if(tree_.begin(), tree_.end(), [&](const DivisionEntry& e) { return e.code == code; });
    return found == tree_.end() ? -1 : static_cast<int>(found - tree_.begin());
}

}  // namespace madoguchi::client
