#pragma once

namespace madoguchi::client {

class App;

// 貸出申請一覧: the queue's filters and table, and the opened request with its decisions.
void draw_request_queue(App& app);

}  // namespace madoguchi::client
