#pragma once
// パスワード変更: the signed-in user's own password (PUT /api/v1/me/password). The new one is
// checked with the shared rule the server applies, and typed twice; the server's 422 names the
// field that is wrong (a wrong current password, a too short new one).
#include <string>

#include "api/form_errors.hpp"

namespace madoguchi::client {

class PasswordChange {
public:
    enum class Outcome { none, changed, failed };

    std::string current;
    std::string chosen;
    std::string confirmation;

    // Checks the fields; when they are fine, sends the change. False when a field is wrong.
    bool submit(ApiClient& api);
    bool busy() const { return busy_; }
    // Once: what became of the last submission.
    Outcome take_outcome() { return std::exchange(outcome_, Outcome::none); }
    // Fields "current_password", "new_password", "confirmation", and the whole form.
    const FormErrors& errors() const { return errors_; }
    void clear();

private:
    FormErrors errors_;
    bool busy_ = false;
    Outcome outcome_ = Outcome::none;
};

}  // namespace madoguchi::client
