#pragma once
// 設置申請's page state: the list, the request opened from it, and the new-request form.
#include "api/api_client.hpp"
#include "placement/placement_board.hpp"
#include "placement/request_case.hpp"
#include "placement/request_form.hpp"

namespace madoguchi::client {

struct PlacementPage {
    PlacementBoard board;
    RequestCase opened;
    RequestForm form;
    bool form_open = false;
    bool started = false;

    // 再読み込み: the list and the request open beside it, so a move made elsewhere (the
    // vendor's works done, another operator's tick) shows without choosing the row again.
    void reload(ApiClient& api);
};

// Managers (for their division) and the desk file requests.
bool may_request_placement(const CurrentUser& user);

}  // namespace madoguchi::client
