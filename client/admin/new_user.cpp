#include "admin/new_user.hpp"

namespace madoguchi::client {

nlohmann::json NewUserForm::body() const {
    const auto fields = values.fields();
    nlohmann::json document{{"login", fields.login},
                            {"name", fields.name},
                            {"name_kana", fields.name_kana},
                            {"division_code", fields.division_code},
                            {"roles", role_names(fields.roles)},
                            {"vendor_company", fields.vendor_company},
                            {"email", fields.email}};
    if (!password.empty()) document["password"] = password;
    return document;
}

bool NewUserForm::submit(ApiClient& api) {
    if (busy_) return false;
    errors_.clear();
    for (const auto& problem : identity::validate(values.fields())) errors_.add_local(problem.field, problem.reason_key);
    if (!password.empty()) {
        if (const auto problems = identity::validate_password(password); !problems.empty()) {
            errors_.add_local("password", problems.front().reason_key);
        }
    }
    if (!errors_.empty()) return false;
    busy_ = true;
    api.send({"POST", "/api/v1/users", body().dump(), {}}, [this](const ApiResult& result) {
        busy_ = false;
        if (!result.ok()) {
            errors_.add_result(result);
            return;
        }
        const auto document = nlohmann::json::parse(result.body, nullptr, false);
        created_ = document.is_object() ? user_record_from_json(document.value("user", nlohmann::json())) : std::nullopt;
        clear();
    });
    return true;
}

void NewUserForm::clear() {
    values = {};
    password.clear();
    errors_.clear();
}

}  // namespace madoguchi::client
