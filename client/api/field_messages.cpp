#include "api/field_messages.hpp"

namespace madoguchi::client {
namespace {

const std::map<std::string, std::string, std::less<>>& keys_by_english() {
    static const auto table = [] {
        std::map<std::string, std::string, std::less<>> result;
        for (const auto& key : i18n::keys()) {
            if (key.rfind("field.", 0) == 0) result.emplace(i18n::text(key, i18n::Language::en), key);
        }
        return result;
    }();
    return table;
}

}  // namespace

std::string field_message(const std::string& english, i18n::Language language) {
    const auto& table = keys_by_english();
    const auto found = table.find(english);
    return found == table.end() ? english : i18n::text(found->second, language);
}

std::map<std::string, std::string, std::less<>> field_messages(const std::map<std::string, std::string>& fields,
                                                               i18n::Language language) {
    std::map<std::string, std::string, std::less<>> result;
    for (const auto& [field, message] : fields) result.emplace(field, field_message(message, language));
    return result;
}

}  // namespace madoguchi::client
