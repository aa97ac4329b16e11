#include "i18n/catalog.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "i18n/catalog_data.hpp"

namespace madoguchi::i18n {
namespace {

struct Entry {
    std::string ja;
    std::string en;
};

using Table = std::map<std::string, Entry, std::less<>>;

const Table& table() {
    static const Table loaded = [] {
        Table result;
        auto document = nlohmann::json::parse(catalog_json());
        if (!document.is_array()) document = nlohmann::json::array({std::move(document)});
        for (const auto& area : document) {
            for (const auto& [key, value] : area.items()) {
                const auto [_, added] =
                    result.emplace(key, Entry{value.at("ja").get<std::string>(), value.at("en").get<std::string>()});
                if (!added) throw std::logic_error("catalog key defined twice: " + key);
            }
        }
        return result;
    }();
    return loaded;
}

const Entry& entry_or_key(std::string_view key) {
    const auto& entries = table();
    if (const auto found = entries.find(key); found != entries.end()) return found->second;
    // Missing keys are kept so the returned references stay valid for the program's life.
    static thread_local Table missing;
    auto [it, inserted] = missing.try_emplace(std::string(key), Entry{std::string(key), std::string(key)});
    return it->second;
}

}  // namespace

std::string_view language_code(Language language) { return language == Language::ja ? "ja" : "en"; }

const std::string& text(std::string_view key, Language language) {
    const auto& entry = entry_or_key(key);
    return language == Language::ja ? entry.ja : entry.en;
}

Texts texts(std::string_view key) {
    const auto& entry = entry_or_key(key);
    return {entry.ja, entry.en};
}

bool has_key(std::string_view key) { return table().contains(key); }

std::vector<std::string> keys() {
    std::vector<std::string> result;
    for (const auto& [key, _] : table()) result.push_back(key);
    return result;
}

}  // namespace madoguchi::i18n
