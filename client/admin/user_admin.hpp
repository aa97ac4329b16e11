#pragma once
// ユーザー管理's page state: the list with its server filters, the edit panel, the new-user
// dialog, the login blocks tab and the one confirm dialog the destructive actions share.
// Admins change accounts; it_office and auditors see the same screens read-only.
#include "admin/login_blocks.hpp"
#include "admin/new_user.hpp"
#include "admin/user_editor.hpp"
#include "admin/user_list.hpp"
#include "ui/confirm_dialog.hpp"

namespace madoguchi::client {

struct UserAdminPage {
    enum class Pending { none, disable, enable, set_password, clear_block };

    UserAdminPage(const Divisions& divisions, i18n::Language language) : list(divisions, language) {}

    UserList list;
    UserEditor editor;
    NewUserForm new_user;
    bool new_user_open = false;
    LoginBlocks blocks;
    ConfirmDialog confirm;
    Pending pending = Pending::none;
    std::string pending_key;  // the login block to clear
    bool started = false;
};

}  // namespace madoguchi::client
