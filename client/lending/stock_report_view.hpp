#pragma once

namespace madoguchi::client {

class App;

// 安全在庫: stock per class and location now and ahead, alerts, and the minimums (admins).
void draw_stock_report(App& app);

}  // namespace madoguchi::client
