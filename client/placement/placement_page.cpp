#include "placement/placement_page.hpp"

namespace madoguchi::client {

void PlacementPage::reload(ApiClient& api) {
    board.reload(api);
    if (opened.id() != 0) opened.open(api, opened.id());
}

}  // namespace madoguchi::client
