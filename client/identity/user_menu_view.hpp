#pragma once
// The header's user menu: who is signed in (name, division, roles), パスワード変更 (a dialog)
// and ログアウト.
namespace madoguchi::client {

class App;

// The menu button, drawn inline in the header.
void draw_user_menu(App& app);
// The password dialog, when open; once per frame after the main window.
void draw_password_dialog(App& app);

}  // namespace madoguchi::client
