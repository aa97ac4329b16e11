#pragma once
// What the lending counter's API answers (server/lending/counter_routes.hpp and
// return_routes.hpp), read into plain records for the counter screen: the person behind a
// staff card with their ready and overdue loans, the verdict on one scanned tag, and the
// receipts of a handover and of a return. Each reader answers nothing when the body is not
// the document it expects.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar/civil_date.hpp"

namespace madoguchi::client {

// A device allocated to a ready loan, and whether it may go out now.
struct ReadyDevice {
    std::string asset_tag;
    bool ready = false;
    std::string reason_key;  // "lending.counter.refusal.<reason>" when not ready
};

// An approved loan request that starts by today: what the person came to collect.
struct ReadyLoan {
    std::int64_t request_id = 0;
    std::string number;  // LND-2026-00001
    std::string class_code;
    calendar::Date start;
    calendar::Date due;
    std::int64_t terms_version = 0;
    std::int64_t version = 0;  // sent with the handover: a stale one is refused
    std::vector<std::string> accessories;
    std::vector<ReadyDevice> devices;
};

// A device the person has out on loan.
struct LoanOut {
    std::int64_t request_id = 0;
    std::string request_number;
    std::string asset_tag;
    std::string class_code;
    calendar::Date due;
    bool overdue = false;
    std::int64_t overdue_days = 0;
};

struct CounterPerson {
    std::string login;
    std::string name;
    std::string division_ja;
    std::string division_en;
    std::vector<ReadyLoan> ready;
    std::vector<LoanOut> loans;  // earliest due first
};

// The server's verdict on one scanned tag (POST …/counter/scan); nothing changed yet.
struct TagVerdict {
    bool accepted = false;
    std::string asset_tag;
    std::string class_code;
    std::string reason_key;  // "lending.counter.refusal.<reason>" when refused
    std::int64_t request_id = 0;  // the loan the tag belongs to, when there is one
    std::string request_number;
    // What goes out, or should come back, with the device on that loan (the server's list).
    std::vector<std::string> accessories;
};

// 貸出票: what was handed over, to whom, until when, under which terms.
struct HandoverReceipt {
    std::int64_t handover_id = 0;
    std::string request_number;
    std::string person_login;
    std::string person_name;
    std::string class_code;
    std::vector<std::string> tags;
    std::vector<std::string> accessories;
    calendar::Date start;
    calendar::Date due;
    std::int64_t terms_version = 0;
    std::string counter_name;
    std::string operator_name;
    std::string handed_at;  // ISO 8601 UTC
};

// What a return came to: the inspection's outcome and where the device goes next.
struct ReturnReceipt {
    std::string request_number;
    std::string asset_tag;
    std::string outcome;     // ok, damaged, missing_accessory
    std::string next_state;  // kitting, in_repair
    std::vector<std::string> missing_accessories;
    std::string repair_ticket_number;  // empty unless damaged
    std::string request_state;         // returned once every device of the loan is back
};

std::optional<CounterPerson> counter_person_from_body(const std::string& body);
std::optional<TagVerdict> tag_verdict_from_body(const std::string& body);
std::optional<HandoverReceipt> handover_receipt_from_body(const std::string& body);
std::optional<ReturnReceipt> return_receipt_from_body(const std::string& body);

}  // namespace madoguchi::client
