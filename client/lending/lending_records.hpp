#pragma once
// What the lending API answers, read into plain records for the lending screens: rules per
// class, the current terms of use, requests with their devices, and availability per day.
// Each reader returns nothing when the body is not the document it expects.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/api_client.hpp"
#include "calendar/civil_date.hpp"
#include "i18n/catalog.hpp"
#include "lending/availability.hpp"
#include "lending/loan_request.hpp"
#include "lending/loan_rules.hpp"

namespace madoguchi::client {

struct LoanTerms {
    int version = 0;
    std::string text_ja;
    std::string text_en;
    // The text in `language`; Japanese when there is no English.
    const std::string& text(i18n::Language language) const;
};

struct LoanDevice {
    std::int64_t id = 0;
    std::string asset_tag;
};

struct LoanRequestRecord {
    std::int64_t id = 0;
    std::string number;  // LND-2026-00001
    std::string requester_login;
    std::string requester_name;
    std::string requester_division;
    std::string class_code;
    int quantity = 1;
    std::string purpose;
    calendar::Date start;
    calendar::Date due;
    std::string delivery;  // "pickup" | "shipping"
    std::int64_t pickup_location_id = 0;  // 0 when shipped
    std::string pickup_location_name;
    std::string ship_address;
    std::string ship_recipient;
    std::vector<std::string> accessories;
    lending::RequestState state = lending::RequestState::submitted;
    std::string state_reason;
    std::int64_t version = 0;
    std::vector<LoanDevice> devices;
    // The due date an extension waiting for a decision asks for.
    std::optional<calendar::Date> pending_extension_due;
};

struct LocationChoice {
    std::int64_t id = 0;
    std::string name;
};

// The member's text or number; empty or 0 when it is missing or of another type (null).
std::string string_field(const nlohmann::json& object, const char* key);
std::int64_t integer_field(const nlohmann::json& object, const char* key);

// {"rules":[…]} of GET /lending/rules.
std::optional<std::vector<lending::LoanRule>> rules_from_body(const std::string& body);
// A terms object ({"version","text_ja","text_en",…}).
std::optional<LoanTerms> terms_from_json(const nlohmann::json& terms);
// {"terms":{…}} of GET /lending/terms/<form>.
std::optional<LoanTerms> terms_from_body(const std::string& body);
std::optional<LoanRequestRecord> request_from_json(const nlohmann::json& request);
// {"requests":[…]}; requests that cannot be read are left out.
std::optional<std::vector<LoanRequestRecord>> requests_from_body(const std::string& body);
// {"locations":[…]} of GET /locations.
std::optional<std::vector<LocationChoice>> locations_from_body(const std::string& body);
// {"days":[{"date","available","held","returning"}…]} of GET /lending/availability.
std::optional<std::vector<lending::DayAvailability>> availability_from_body(const std::string& body);

// GET /lending/availability for the class from `from` through `to`, at a counter when
// `location_id` is not 0.
std::string availability_path(const std::string& class_code, std::int64_t location_id, const calendar::Date& from,
                              const calendar::Date& to);

// POST /lending/requests/{id}/transitions moving the request to `to` ("approved",
// "rejected", "cancelled") from the version read, with the reason (a rejection's).
HttpRequest transition_request(const LoanRequestRecord& request, std::string_view to, const std::string& reason);

// The class's name from the shared catalog ("inventory.class.<code>"), or the code.
std::string class_name(const std::string& class_code, i18n::Language language);
// "申請中", … from lending.state.<name>.
std::string state_text(lending::RequestState state, i18n::Language language);
// A date in both calendars: "2026-12-01（火） 令和8年12月1日（火）".
std::string both_calendars(const calendar::Date& date, i18n::Language language);
// The devices' tags, comma separated; empty when none is allocated.
std::string device_tags(const LoanRequestRecord& request);

}  // namespace madoguchi::client
