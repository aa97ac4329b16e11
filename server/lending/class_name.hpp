#pragma once
// The device class's Japanese name for notifications (the templates are Japanese first), or
// the code when the class is unknown.
#include <string>

namespace madoguchi::server::lending {

std::string class_name_ja(const std::string& class_code);

}  // namespace madoguchi::server::lending
