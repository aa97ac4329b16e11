#include "admin/user_record.hpp"

#include <algorithm>

namespace madoguchi::client {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool flag_of(const nlohmann::json& object, const char* key) {
    const auto found = object.find(key);
    return found != object.end() && found->is_boolean() && found->get<bool>();
}

std::size_t role_index(identity::Role role) {
    const auto roles = identity::all_roles();
    return static_cast<std::size_t>(std::find(roles.begin(), roles.end(), role) - roles.begin());
}

}  // namespace

std::optional<UserRecord> user_record_from_json(const nlohmann::json& user) {
    if (!user.is_object()) return std::nullopt;
    const auto id = user.find("id");
    if (id == user.end() || !id->is_number_integer()) return std::nullopt;
    UserRecord record;
    record.id = id->get<std::int64_t>();
    record.fields.login = text_of(user, "login");
    record.fields.name = text_of(user, "name");
    record.fields.name_kana = text_of(user, "name_kana");
    record.fields.division_code = text_of(user, "division_code");
    record.fields.vendor_company = text_of(user, "vendor_company");
    record.fields.email = text_of(user, "email");
    if (const auto roles = user.find("roles"); roles != user.end() && roles->is_array()) {
        for (const auto& name : *roles) {
            if (!name.is_string()) continue;
            if (const auto role = identity::parse_role(name.get<std::string>())) record.fields.roles.push_back(*role);
        }
    }
    record.disabled = flag_of(user, "disabled");
    record.has_password = flag_of(user, "has_password");
    return record;
}

std::vector<identity::Role> UserFormValues::chosen_roles() const {
    std::vector<identity::Role> chosen;
    const auto all = identity::all_roles();
    for (std::size_t i = 0; i < all.size() && i < roles.size(); ++i) {
        if (roles[i]) chosen.push_back(all[i]);
    }
    return chosen;
}

bool UserFormValues::has(identity::Role role) const {
    const auto index = role_index(role);
    return index < roles.size() && roles[index];
}

identity::UserFields UserFormValues::fields() const {
    identity::UserFields result;
    result.login = identity::normalise_login(login);
    result.name = name;
    result.name_kana = name_kana;
    result.division_code = division_code;
    result.roles = chosen_roles();
    // A company name only belongs to vendors; it is hidden (and dropped) otherwise.
    result.vendor_company = has(identity::Role::vendor) ? vendor_company : std::string();
    result.email = email;
    return result;
}

UserFormValues form_values(const identity::UserFields& fields) {
    UserFormValues values;
    values.login = fields.login;
    values.name = fields.name;
    values.name_kana = fields.name_kana;
    values.division_code = fields.division_code;
    for (const auto role : fields.roles) {
        const auto index = role_index(role);
        if (index < values.roles.size()) values.roles[index] = true;
    }
    values.vendor_company = fields.vendor_company;
    values.email = fields.email;
    return values;
}

nlohmann::json role_names(const std::vector<identity::Role>& roles) {
    auto names = nlohmann::json::array();
    for (const auto role : roles) names.push_back(std::string(identity::role_name(role)));
    return names;
}

}  // namespace madoguchi::client
