#pragma once

namespace madoguchi::client {

class App;

// 発送: shipments to and from regional bureaus, a new one, and confirming a receipt.
void draw_shipments(App& app);

}  // namespace madoguchi::client
