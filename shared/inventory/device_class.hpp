#pragma once
// 機器分類 (device class): the kinds of device of the requirements' table 1 and §1.3(1)イ(ア)a,
// with the policies that differ between them held as data in one table, so that rules read
// a class's policy instead of branching on its name.
#include <optional>
#include <span>
#include <string_view>

#include "calendar/business_calendar.hpp"

namespace madoguchi::inventory {

// Where a device lives: installed on a floor (設置) or lent to staff (貸出).
enum class Placement { installed, loanable };

// How the vendor maintains it: on site (出張保守), by taking it away (引取保守), or not under
// this contract (GSS terminals and tablets are maintained by their own programmes).
enum class Maintenance { on_site, pickup, none };

struct DeviceClass {
    std::string_view code;         // "mfp", stable: stored in the ledger and used in the API
    std::string_view name_key;     // catalog key "inventory.class.<code>"
    std::string_view tag_prefix;   // asset tags of the class start with it: "MFP-000123"
    Placement placement;
    bool telemetry;                // polled over SNMP (issue 8)
    Maintenance maintenance;
    // メーカー保守受付時間 and 保守対応時間, on business days; empty without vendor maintenance.
    std::optional<calendar::ServiceHours> vendor_reception;
    std::optional<calendar::ServiceHours> vendor_service;
    int contracted_count;          // 台数 in the requirements (table 1, (f) for GSS terminals)
    // Accessories that belong with every device of the class (GSS terminals: mouse and
    // privacy filter); a device may list more.
    std::span<const std::string_view> standard_accessories;
};

// The eight classes, in the order of the requirements.
std::span<const DeviceClass> device_classes();
const DeviceClass* find_device_class(std::string_view code);

}  // namespace madoguchi::inventory
