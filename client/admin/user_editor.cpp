#include "admin/user_editor.hpp"

namespace madoguchi::client {

nlohmann::json user_changes(const identity::UserFields& before, const UserFormValues& after) {
    const auto fields = after.fields();
    auto body = nlohmann::json::object();
    if (fields.name != before.name) body["name"] = fields.name;
    if (fields.name_kana != before.name_kana) body["name_kana"] = fields.name_kana;
    if (fields.division_code != before.division_code) body["division_code"] = fields.division_code;
    if (fields.roles != before.roles) body["roles"] = role_names(fields.roles);
    if (fields.vendor_company != before.vendor_company) body["vendor_company"] = fields.vendor_company;
    if (fields.email != before.email) body["email"] = fields.email;
    return body;
}

void UserEditor::open(const UserRecord& user) {
    user_ = user;
    values_ = form_values(user.fields);
    new_password.clear();
    errors_.clear();
}

bool UserEditor::changed() const { return user_ && !user_changes(user_->fields, values_).empty(); }

bool UserEditor::save(ApiClient& api) {
    if (!user_ || busy_) return false;
    errors_.clear();
    for (const auto& problem : identity::validate(values_.fields())) errors_.add_local(problem.field, problem.reason_key);
    if (!errors_.empty()) return false;
    const auto body = user_changes(user_->fields, values_);
    if (body.empty()) return false;
    send(api, {"PATCH", "/api/v1/users/" + std::to_string(user_->id), body.dump(), {}}, "admin.saved");
    return true;
}

void UserEditor::set_disabled(ApiClient& api, bool disabled) {
    if (!user_ || busy_) return;
    errors_.clear();
    send(api, {"PATCH", "/api/v1/users/" + std::to_string(user_->id), nlohmann::json{{"disabled", disabled}}.dump(), {}},
         disabled ? "admin.disabled_done" : "admin.enabled_done");
}

bool UserEditor::set_password(ApiClient& api) {
    if (!user_ || busy_) return false;
    errors_.clear();
    if (const auto problems = identity::validate_password(new_password); !problems.empty()) {
        errors_.add_local("password", problems.front().reason_key);
        return false;
    }
    send(api, {"PUT", "/api/v1/users/" + std::to_string(user_->id) + "/password",
               nlohmann::json{{"password", new_password}}.dump(), {}},
         "admin.password_set");
    return true;
}

void UserEditor::send(ApiClient& api, HttpRequest request, std::string done_key) {
    busy_ = true;
    const auto id = user_->id;
    api.send(std::move(request), [this, id, done_key = std::move(done_key)](const ApiResult& result) {
        busy_ = false;
        if (!user_ || user_->id != id) return;  // another user was opened meanwhile
        if (!result.ok()) {
            errors_.add_result(result);
            return;
        }
        done_ = done_key;
        if (result.status == 204) {
            new_password.clear();
            return;
        }
        const auto body = nlohmann::json::parse(result.body, nullptr, false);
        if (auto user = body.is_object() ? user_record_from_json(body.value("user", nlohmann::json())) : std::nullopt) {
            open(*user);
            updated_ = *user;
        }
    });
}

}  // namespace madoguchi::client
