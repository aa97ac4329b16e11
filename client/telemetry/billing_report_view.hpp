#pragma once

namespace madoguchi::client {

class App;
class Billing;

// 請求: a month's pages by division and device, the fiscal year against the contract as a
// progress bar, the year's months as a chart, and the month's CSV and XLSX downloads.
void draw_billing(App& app, Billing& billing);

}  // namespace madoguchi::client
