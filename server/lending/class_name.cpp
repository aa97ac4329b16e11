#include "lending/class_name.hpp"

#include "i18n/catalog.hpp"
#include "inventory/device_class.hpp"

namespace madoguchi::server::lending {

std::string class_name_ja(const std::string& class_code) {
    const auto* device_class = madoguchi::inventory::find_device_class(class_code);
    return device_class ? i18n::text(device_class->name_key, i18n::Language::ja) : class_code;
}

}  // namespace madoguchi::server::lending
