#pragma once

namespace madoguchi::client {

class App;

// 未返却一覧: overdue loans, their reminder history, and sending a reminder now behind a confirm.
void draw_overdue_loans(App& app);

}  // namespace madoguchi::client
