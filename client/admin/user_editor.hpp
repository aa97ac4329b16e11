#pragma once
// The edit panel of ユーザー管理 for one user: the fields as a form, checked with the shared
// rules before sending; 保存 sends only what changed (PATCH /api/v1/users/{id}); 無効化 /
// 有効化 and パスワード設定 are their own requests. Every answer that changed the user hands
// the new record back to the list.
#include <optional>
#include <string>

#include "admin/user_record.hpp"
#include "api/api_client.hpp"
#include "api/form_errors.hpp"

namespace madoguchi::client {

// The PATCH body: each field whose value differs from `before`, nothing else.
nlohmann::json user_changes(const identity::UserFields& before, const UserFormValues& after);

class UserEditor {
public:
    // Shows `user` (again after a reload); unsaved typing for another user is dropped.
    void open(const UserRecord& user);
    void close() { user_.reset(); }
    const UserRecord* user() const { return user_ ? &*user_ : nullptr; }
    UserFormValues& values() { return values_; }
    bool changed() const;

    // Checks the fields; sends the changes when they are fine. False when nothing was sent.
    bool save(ApiClient& api);
    void set_disabled(ApiClient& api, bool disabled);
    std::string new_password;  // パスワード設定's field
    // Checks the new password; sends it when fine. False when nothing was sent.
    bool set_password(ApiClient& api);

    bool busy() const { return busy_; }
    const FormErrors& errors() const { return errors_; }
    // Once: the user as the server now has it, after a change.
    std::optional<UserRecord> take_updated() { return std::exchange(updated_, std::nullopt); }
    // Once: catalog key of a success message ("admin.saved", …).
    std::string take_done() { return std::exchange(done_, std::string()); }

private:
    void send(ApiClient& api, HttpRequest request, std::string done_key);

    std::optional<UserRecord> user_;
    UserFormValues values_;
    FormErrors errors_;
    bool busy_ = false;
    std::optional<UserRecord> updated_;
    std::string done_;
};

}  // namespace madoguchi::client
