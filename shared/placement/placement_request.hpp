#pragma once
// 追加・移設・撤去申請 (install / move / remove request) for the installed classes — MFPs and
// floor printers: what a manager asks for, validated the same way by the client's form and
// the server, and the request as the API answers it.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"
#include "placement/checklist.hpp"
#include "placement/request_kind.hpp"
#include "placement/request_state.hpp"
#include "validation/field_problem.hpp"

namespace madoguchi::placement {

// What the requester fills in.
struct RequestFields {
    RequestKind kind = RequestKind::install;
    std::string class_code;            // install: an installed class (mfp, floor printers)
    std::int64_t model_id = 0;         // install: the model wanted
    std::int64_t device_id = 0;        // move, remove: the installed device
    std::int64_t location_id = 0;      // install, move: where it goes (設置先)
    std::string division_code;         // install, move: the division it serves (設置課室)
    std::optional<calendar::Date> desired_date;  // 希望日: not before today
    std::string reason;                // 申請理由: 1–500, multi-line
    friend bool operator==(const RequestFields&, const RequestFields&) = default;
};

// Whether a class is one a request is for (placement "installed" in the class table).
bool is_placement_class(std::string_view class_code);
// Whether the kind names a target location and division (install and move do).
bool has_target(RequestKind kind);

// Reason keys: field.required, field.not_installed_class, field.date_in_past,
// field.too_long_500, field.control_character, field.invalid_utf8. At most one per field,
// in field order (JSON names: kind, class, model_id, device_id, location_id, division_code,
// desired_date, reason). Fields the kind does not use are not checked.
std::vector<validation::FieldProblem> validate(const RequestFields& fields, const calendar::Date& today);

// The request as the API answers it.
struct PlacementRequest {
    std::int64_t id = 0;
    std::string number;  // PLR-2026-0001
    RequestFields fields;
    RequestState state = RequestState::submitted;
    std::int64_t version = 1;
    std::string requester_login;
    std::string requester_name;
    std::string requester_division;
    std::string vendor_company;  // from the hand-off on
    std::string state_reason;    // the reason of the last move that had one
    std::vector<ChecklistItem> checklist;
    // Names for display, "" when none.
    std::string device_tag;
    std::string device_location_name;  // where the device is now (move, remove)
    std::string model_name;
    std::string location_name;
    std::string division_name;
    std::string created_at;
    std::string updated_at;
};

nlohmann::json to_json(const RequestFields& fields);
nlohmann::json to_json(const PlacementRequest& request);
// From the wire form; std::nullopt when it is not one.
std::optional<PlacementRequest> request_from_json(const nlohmann::json& json);

}  // namespace madoguchi::placement
