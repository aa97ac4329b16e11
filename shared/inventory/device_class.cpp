#include "inventory/device_class.hpp"

#include <algorithm>
#include <array>

namespace madoguchi::inventory {
namespace {

using calendar::ServiceHours;

constexpr ServiceHours nine_to_five_thirty{9 * 60, 17 * 60 + 30};
constexpr ServiceHours nine_to_five{9 * 60, 17 * 60};

constexpr std::array<std::string_view, 0> no_accessories{};
constexpr std::array<std::string_view, 2> gss_accessories{"mouse", "privacy_filter"};

// From §1.3(1)イ(ア)a (a)–(g): reception and service hours per class as the contract states them.
const std::array<DeviceClass, 8> classes{{
    {"mfp", "inventory.class.mfp", "MFP", Placement::installed, true, Maintenance::on_site, nine_to_five_thirty,
     nine_to_five, 573, no_accessories},
    {"floor_printer_mono", "inventory.class.floor_printer_mono", "FPM", Placement::installed, true,
     Maintenance::on_site, nine_to_five_thirty, nine_to_five, 86, no_accessories},
    {"floor_printer_colour", "inventory.class.floor_printer_colour", "FPC", Placement::installed, true,
     Maintenance::on_site, nine_to_five_thirty, nine_to_five, 64, no_accessories},
    {"mobile_printer", "inventory.class.mobile_printer", "MPR", Placement::loanable, false, Maintenance::pickup,
     nine_to_five, std::nullopt, 57, no_accessories},
    {"mobile_scanner", "inventory.class.mobile_scanner", "MSC", Placement::loanable, false, Maintenance::pickup,
     nine_to_five_thirty, std::nullopt, 45, no_accessories},
    {"business_pc", "inventory.class.business_pc", "BPC", Placement::loanable, false, Maintenance::pickup,
     nine_to_five_thirty, std::nullopt, 159, no_accessories},
    {"gss_terminal", "inventory.class.gss_terminal", "GSS", Placement::loanable, false, Maintenance::none,
     std::nullopt, std::nullopt, 12780, gss_accessories},
    {"tablet", "inventory.class.tablet", "TAB", Placement::loanable, false, Maintenance::none, std::nullopt,
     std::nullopt, 170, no_accessories},
}};

}  // namespace

std::span<const DeviceClass> device_classes() { return classes; }

const DeviceClass* find_device_class(std::string_view code) {
    const auto found = std::find_if(classes.begin(), classes.end(), [&](const DeviceClass& c) { return c.code == code; });
    return found == classes.end() ? nullptr : &*found;
}

}  // namespace madoguchi::inventory
