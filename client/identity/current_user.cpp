#include "identity/current_user.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

std::string string_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

nlohmann::json role_names(const std::vector<Role>& roles) {
    auto names = nlohmann::json::array();
    for (const auto role : roles) names.push_back(std::string(identity::role_name(role)));
    return names;
}

}  // namespace

bool CurrentUser::has_any(std::initializer_list<Role> wanted) const {
    return std::any_of(wanted.begin(), wanted.end(), [this](Role role) { return has(role); });
}

std::optional<CurrentUser> current_user_from_json(const nlohmann::json& user) {
    if (!user.is_object()) return std::nullopt;
    CurrentUser result;
    if (const auto id = user.find("id"); id != user.end() && id->is_number_integer()) result.id = id->get<std::int64_t>();
    result.login = string_of(user, "login");
    result.name = string_of(user, "name");
    result.division_code = string_of(user, "division_code");
    result.email = string_of(user, "email");
    result.vendor_company = string_of(user, "vendor_company");
    if (const auto roles = user.find("roles"); roles != user.end() && roles->is_array()) {
        for (const auto& name : *roles) {
            if (!name.is_string()) continue;
            if (const auto role = identity::parse_role(name.get<std::string>())) result.roles.push_back(*role);
        }
    }
    if (result.login.empty()) return std::nullopt;
    return result;
}

std::string remembered_text(const CurrentUser& user) {
    return nlohmann::json{{"id", user.id},
                          {"login", user.login},
                          {"name", user.name},
                          {"division_code", user.division_code},
                          {"roles", role_names(user.roles)},
                          {"email", user.email},
                          {"vendor_company", user.vendor_company}}
        .dump();
}

std::optional<CurrentUser> user_from_remembered(const std::string& text) {
    return current_user_from_json(nlohmann::json::parse(text, nullptr, false));
}

}  // namespace madoguchi::client
