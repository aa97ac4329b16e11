#pragma once
// 問い合わせ (inquiry): a staff member's question or problem report, the first form staff
// fill in. Validation and JSON mapping shared by the server, which refuses a bad inquiry, and
// the client, which shows the very same problems inline before sending.
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "validation/field_problem.hpp"

namespace madoguchi::tickets {

// 問い合わせ: a staff member's question or problem report, the first form staff fill in.
struct Inquiry {
    std::string requester_name;  // 氏名: required, at most 100 characters
    std::string division;        // 所属: required, at most 100
    std::string contact;         // 連絡先 (extension, phone or e-mail): required, at most 100
    std::string category;        // one of inquiry_categories()
    std::string subject;         // 件名: required, at most 200
    std::string body;            // 内容: required, at most 10000
};

// reason_key is a catalog key "field.<reason>", shown as is in either language:
//   field.required          blank after trimming ASCII whitespace and U+3000
//   field.too_long_100      more than 100 code points (likewise _200, _10000: the limit is in
//                           the key because catalog texts are fixed strings)
//   field.control_character a control character (C0, DEL, C1); body allows newline and tab
//   field.invalid_utf8      not valid UTF-8 (overlong forms and surrogates included)
//   field.unknown_category  category is not one of inquiry_categories()
//   field.not_string        (inquiry_from_json) the JSON value is not a string
//   field.unknown_field     (inquiry_from_json) a member that is not one of the six fields
using FieldProblem = validation::FieldProblem;

// At most one problem per field, in field order. Values are checked as given, not trimmed.
std::vector<FieldProblem> validate(const Inquiry& inquiry);

// "device", "software", "service", "account", "other"; label keys "tickets.category.<name>".
std::span<const std::string_view> inquiry_categories();

// The six fields by their JSON names.
nlohmann::json to_json(const Inquiry& inquiry);

struct InquiryParse {
    Inquiry inquiry;  // the string fields found; others empty
    std::vector<FieldProblem> problems;
};

// From a request body: every problem at once, validate()'s included. A field that is not a
// string gets field.not_string in place of its validation problem; a missing or null field
// counts as empty (field.required). Problems come in field order, then unknown members
// (field.unknown_field) in name order. A body that is not a JSON object gives one problem
// with an empty field name and reason field.not_object.
InquiryParse inquiry_from_json(const nlohmann::json& body);

}  // namespace madoguchi::tickets
