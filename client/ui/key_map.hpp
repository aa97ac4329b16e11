#pragma once
// ImGui 1.86 reads keys from io.KeysDown[] through io.KeyMap. The client indexes KeysDown by
// DOM keyCode (the legacy numeric codes every browser still sends), on every platform, so
// the headless tests press the same keys the browser does.

namespace madoguchi::client {

enum DomKey : int {
    key_backspace = 8, key_tab = 9, key_enter = 13, key_escape = 27, key_space = 32, key_page_up = 33,
    key_control = 17, key_page_down = 34, key_end = 35, key_home = 36, key_left = 37, key_up = 38, key_right = 39, key_down = 40,
    key_insert = 45, key_delete = 46, key_a = 65, key_c = 67, key_v = 86, key_x = 88, key_y = 89, key_z = 90,
    key_ime_processing = 229,  // a key the IME is handling: never a shortcut for us
};

void install_key_map();

}  // namespace madoguchi::client
