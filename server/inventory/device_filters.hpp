#pragma once
// What a device list or export asks for and who may see which devices: the filters of
// GET /api/v1/devices (q, class, state, division, location, sort), read the same way by the
// list and by the ledger's exports, and the reader's scope.
#include <httplib.h>

#include "api/api_error.hpp"
#include "identity/principal.hpp"
#include "inventory/device_store.hpp"

namespace madoguchi::server::inventory {

// Who sees which devices: the desk, the IT office, auditors and admins all; a manager the
// own division's; staff what they hold.
struct ReaderScope {
    std::string only_division;
    std::string only_custodian;
};

ReaderScope reader_scope(const identity::Principal& principal);
bool visible(const ReaderScope& scope, const DeviceRow& device);
// The query limited to what the reader may see.
void limit_to(DeviceQuery& query, const ReaderScope& scope);

// Reads the filters and the sort into `query`; each bad parameter is added to `error`
// (invalid_parameter) with its reason.
void read_device_filters(const httplib::Request& request, DeviceQuery& query, api::ApiError& error);

// The page of a keyset-paged list (devices, tickets): limit 1..1000 (`limit` keeps its value
// when absent) and the cursor of the previous page; each bad value is added to `error`.
void read_keyset_page(const httplib::Request& request, int& limit, std::optional<DeviceCursor>& after,
                      api::ApiError& error);

}  // namespace madoguchi::server::inventory
