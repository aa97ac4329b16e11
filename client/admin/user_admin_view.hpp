#pragma once
// ユーザー管理: the user list with its filters and the edit panel, the new-user dialog and
// the ログイン制限 tab. Admins change; it_office and auditors read.
#include "admin/user_admin.hpp"

namespace madoguchi::client {

class App;

void draw_users_page(App& app);

// Parts of the page, each in its own file.
void draw_user_panel(App& app, UserAdminPage& page, bool may_change);
void draw_new_user_dialog(App& app, UserAdminPage& page);
void draw_login_blocks(App& app, UserAdminPage& page);

}  // namespace madoguchi::client
