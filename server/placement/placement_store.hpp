#pragma once
// Install / move / remove requests in SQLite (migration 11): the requests with their
// checklist and timeline, written with optimistic versions. Routes decide who may; this
// file only stores.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/tokyo_time.hpp"
#include "placement/placement_request.hpp"
#include "store/database.hpp"

namespace madoguchi::server::placement {

using madoguchi::placement::PlacementRequest;
using madoguchi::placement::RequestFields;
using madoguchi::placement::RequestKind;
using madoguchi::placement::RequestState;

struct RequestFilter {
    std::optional<RequestState> state;
    std::optional<RequestKind> kind;
};

// Newest first. Who sees which is the routes' concern (placement_access.hpp).
store::Result<std::vector<PlacementRequest>> list_requests(store::Database& database, const RequestFilter& filter);
store::Result<std::optional<PlacementRequest>> find_request(store::Database& database, std::int64_t id);

struct NewRequest {
    RequestFields fields;  // class and division_code filled in from the device for a move/remove
    std::string requester_login;
    std::string requester_division;
};
// The request with its checklist (every item of its kind, not done) in state submitted.
store::Result<std::int64_t> insert_request(store::Database& database, const NewRequest& request, calendar::Instant now);

struct StateChange {
    RequestState state;
    std::string reason;          // kept as state_reason when not empty
    std::string vendor_company;  // set when not empty (the hand-off)
};
// When the stored version is `version`, which then grows by one; false otherwise.
store::Result<bool> change_state(store::Database& database, std::int64_t id, std::int64_t version,
                                 const StateChange& change, calendar::Instant now);

// A completed install names the device it added (no new version: part of the completion).
store::Status set_request_device(store::Database& database, std::int64_t id, std::int64_t device_id);

struct ItemChange {
    std::string key;
    bool done = false;
    std::string note;
    std::string actor;  // login kept as done_by
};
store::Result<bool> change_item(store::Database& database, std::int64_t id, std::int64_t version, const ItemChange& change,
                                calendar::Instant now);

struct RequestEvent {
    std::string actor;
    std::string action;  // submitted, transitioned, checked, unchecked
    RequestState state;  // the request's state after it
    std::string item;    // the checklist item of checked/unchecked
    std::string reason;
};
store::Status add_event(store::Database& database, std::int64_t id, const RequestEvent& event, calendar::Instant now);
// {"occurred_at","actor","action","state","item","reason"}, oldest first.
store::Result<std::vector<nlohmann::json>> request_events(store::Database& database, std::int64_t id);

// The companies of vendor users, sorted: where a request can be handed.
store::Result<std::vector<std::string>> vendor_companies(store::Database& database);
// Another request for the device that is not closed yet.
store::Result<bool> has_open_request(store::Database& database, std::int64_t device_id);

}  // namespace madoguchi::server::placement
