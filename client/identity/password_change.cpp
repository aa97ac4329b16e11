#include "identity/password_change.hpp"

#include "identity/user.hpp"

namespace madoguchi::client {

bool PasswordChange::submit(ApiClient& api) {
    if (busy_) return false;
    errors_.clear();
    if (current.empty()) errors_.add_local("current_password", "field.required");
    if (const auto problems = identity::validate_password(chosen); !problems.empty()) {
        errors_.add_local("new_password", problems.front().reason_key);
    } else if (confirmation != chosen) {
        errors_.add_local("confirmation", "identity.password.mismatch");
    }
    if (!errors_.empty()) return false;
    busy_ = true;
    HttpRequest request{"PUT", "/api/v1/me/password",
                        nlohmann::json{{"current_password", current}, {"new_password", chosen}}.dump(), {}};
    api.send(std::move(request), [this](const ApiResult& result) {
        busy_ = false;
        if (result.ok()) {
            clear();
            outcome_ = Outcome::changed;
            return;
        }
        errors_.add_result(result);
        outcome_ = Outcome::failed;
    });
    return true;
}

void PasswordChange::clear() {
    current.clear();
    chosen.clear();
    confirmation.clear();
    errors_.clear();
}

}  // namespace madoguchi::client
