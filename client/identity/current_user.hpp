#pragma once
// The signed-in user as the client knows it (GET /api/v1/me, POST /api/v1/session), and the
// part of it the device may remember between visits: never a token or password, only what
// the screens show, so offline drafts keep their requester details.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "identity/role.hpp"

namespace madoguchi::client {

using identity::Role;

struct CurrentUser {
    std::int64_t id = 0;
    std::string login;
    std::string name;
    std::string division_code;
    std::vector<Role> roles;
    std::string email;
    std::string vendor_company;

    bool has(Role role) const { return identity::has_role(roles, role); }
    bool has_any(std::initializer_list<Role> wanted) const;
    friend bool operator==(const CurrentUser&, const CurrentUser&) = default;
};

// From the API's User object; nothing when it lacks a login.
std::optional<CurrentUser> current_user_from_json(const nlohmann::json& user);

// What local storage keeps ("madoguchi.user"): login, name, division, roles, e-mail.
std::string remembered_text(const CurrentUser& user);
std::optional<CurrentUser> user_from_remembered(const std::string& text);

}  // namespace madoguchi::client
