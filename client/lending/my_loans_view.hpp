#pragma once

namespace madoguchi::client {

class App;

// 自分の貸出: one's own requests and loans, with cancel behind a confirm.
void draw_my_loans(App& app);

}  // namespace madoguchi::client
