#pragma once
// What went out with a loan's device, as the return inspection counts it: the class's
// standard accessories, then the device's own (ledger) and those the request asked for, each
// once and in that order. The counter shows the list when a tag is scanned and the return
// route checks missing ones against it.
#include <string>
#include <vector>

#include "inventory/device_class.hpp"

namespace madoguchi::server::lending {

std::vector<std::string> lent_accessories(const madoguchi::inventory::DeviceClass& device_class,
                                          const std::vector<std::string>& own, const std::vector<std::string>& asked);

}  // namespace madoguchi::server::lending
