#include "lending/lent_accessories.hpp"

#include <algorithm>

namespace madoguchi::server::lending {

std::vector<std::string> lent_accessories(const madoguchi::inventory::DeviceClass& device_class,
                                          const std::vector<std::string>& own, const std::vector<std::string>& asked) {
    std::vector<std::string> names(device_class.standard_accessories.begin(), device_class.standard_accessories.end());
    for (const auto* list : {&own, &asked}) {
        for (const auto& name : *list) {
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
    }
    return names;
}

}  // namespace madoguchi::server::lending
