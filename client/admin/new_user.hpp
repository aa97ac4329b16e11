#pragma once
// 新規ユーザー: the dialog's form (POST /api/v1/users). Checked with the shared rules first;
// the server's 422 (a login already taken, an unknown division) shows beside its field.
#include <optional>
#include <string>

#include "admin/user_record.hpp"
#include "api/api_client.hpp"
#include "api/form_errors.hpp"

namespace madoguchi::client {

class NewUserForm {
public:
    UserFormValues values;
    std::string password;  // optional: without one the account cannot sign in yet

    // The POST body.
    nlohmann::json body() const;
    // Checks the fields; sends them when they are fine. False when nothing was sent.
    bool submit(ApiClient& api);
    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // Once: the created user.
    std::optional<UserRecord> take_created() { return std::exchange(created_, std::nullopt); }
    void clear();

private:
    FormErrors errors_;
    bool busy_ = false;
    std::optional<UserRecord> created_;
};

}  // namespace madoguchi::client
