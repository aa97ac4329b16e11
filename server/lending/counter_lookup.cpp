#include "lending/counter_lookup.hpp"

#include "lending/scan_code.hpp"

namespace madoguchi::server::lending {

using madoguchi::lending::classify_scan;
using madoguchi::lending::ScanKind;
using Person = std::variant<identity::UserRecord, http::Reply>;
using Device = std::variant<CounterDevice, http::Reply>;

store::Result<std::variant<identity::UserRecord, http::Reply>> person_by_card(store::Database& database,
                                                                             std::string_view raw,
                                                                             std::string_view field) {
    const auto scanned = classify_scan(raw);
    const auto unknown = http::refusal(404, api::field_error("unknown_staff_card", field, "field.unknown_staff_card"));
    if (scanned.kind != ScanKind::staff_id) return Person(unknown);
    auto found = identity::find_user_by_staff_card(database, scanned.code);
    if (!found) return store::Error{found.error()};
    if (!found.value() || found.value()->disabled) return Person(unknown);
    return Person(*found.value());
}

store::Result<std::variant<CounterDevice, http::Reply>> device_by_tag(store::Database& database, std::string_view raw,
                                                                     std::string_view field) {
    const auto scanned = classify_scan(raw);
    const auto unknown = http::refusal(404, api::field_error("unknown_asset_tag", field, "field.unknown_asset_tag"));
    if (scanned.kind != ScanKind::asset_tag) return Device(unknown);
    auto found = find_counter_device(database, scanned.code);
    if (!found) return store::Error{found.error()};
    if (!found.value()) return Device(unknown);
    return Device(std::move(*found.value()));
}

}  // namespace madoguchi::server::lending
