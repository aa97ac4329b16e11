#pragma once
// ログイン: the sign-in screen (the whole page when nobody is signed in) and the same form
// over the unchanged screen when a session ended, so nothing typed is lost.
namespace madoguchi::client {

class App;

void draw_sign_in_page(App& app);
void draw_sign_in_overlay(App& app);

}  // namespace madoguchi::client
