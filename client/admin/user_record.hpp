#pragma once
// A user account as the admin screens show and edit it (the API's User object), and the
// editable fields as a form holds them: roles as one tick per role, in all_roles() order.
#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "identity/role.hpp"
#include "identity/user.hpp"

namespace madoguchi::client {

inline constexpr std::size_t role_count = 7;  // identity::all_roles().size()

struct UserRecord {
    std::int64_t id = 0;
    identity::UserFields fields;
    bool disabled = false;
    bool has_password = false;
};

std::optional<UserRecord> user_record_from_json(const nlohmann::json& user);

struct UserFormValues {
    std::string login;
    std::string name;
    std::string name_kana;
    std::string division_code;
    std::array<bool, role_count> roles{};
    std::string vendor_company;
    std::string email;

    std::vector<identity::Role> chosen_roles() const;
    bool has(identity::Role role) const;
    identity::UserFields fields() const;
    friend bool operator==(const UserFormValues&, const UserFormValues&) = default;
};

UserFormValues form_values(const identity::UserFields& fields);
nlohmann::json role_names(const std::vector<identity::Role>& roles);

}  // namespace madoguchi::client
