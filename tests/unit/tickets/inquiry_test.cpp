#include <catch2/catch.hpp>

#include "i18n/catalog.hpp"
#include "tickets/inquiry.hpp"

using namespace madoguchi::tickets;
using Problems = std::vector<FieldProblem>;
using nlohmann::json;

namespace {

Inquiry valid_inquiry() {
    return {"山田 太郎", "総務課", "内線 1234", "device", "プリンターが印刷できない", "3階の複合機で紙詰まり表示が消えません。\n\t再起動済み。"};
}

std::string repeated(std::string_view piece, std::size_t times) {
    std::string text;
    for (std::size_t index = 0; index < times; ++index) text += piece;
    return text;
}

}  // namespace

TEST_CASE("a complete inquiry has no problems", "[tickets]") {
    CHECK(validate(valid_inquiry()).empty());
}

TEST_CASE("an empty inquiry names every field as required, in field order", "[tickets]") {
    CHECK(validate(Inquiry{}) == Problems{{"requester_name", "field.required"},
                                          {"division", "field.required"},
                                          {"contact", "field.required"},
                                          {"category", "field.required"},
                                          {"subject", "field.required"},
                                          {"body", "field.required"}});
}

TEST_CASE("blank means only spaces, including the ideographic space", "[tickets]") {
    auto inquiry = valid_inquiry();
    inquiry.requester_name = " \u3000 ";
    inquiry.body = "\n\t ";
    CHECK(validate(inquiry) == Problems{{"requester_name", "field.required"}, {"body", "field.required"}});
}

TEST_CASE("lengths count characters, not bytes", "[tickets]") {
    auto inquiry = valid_inquiry();
    inquiry.requester_name = repeated("髙", 100);  // 300 bytes, 100 characters
    inquiry.subject = repeated("件", 200);
    inquiry.body = repeated("あ", 10000);
    CHECK(validate(inquiry).empty());
    inquiry.requester_name += "x";
    inquiry.division = repeated("a", 101);
    inquiry.contact = repeated("🙂", 101);
    inquiry.subject += "件";
    inquiry.body += "あ";
    CHECK(validate(inquiry) == Problems{{"requester_name", "field.too_long_100"},
                                        {"division", "field.too_long_100"},
                                        {"contact", "field.too_long_100"},
                                        {"subject", "field.too_long_200"},
                                        {"body", "field.too_long_10000"}});
}

TEST_CASE("control characters are refused, newline and tab only in the body", "[tickets]") {
    auto inquiry = valid_inquiry();
    inquiry.subject = "件名\n二行目";
    inquiry.contact = "1234\t5678";
    inquiry.division = std::string("総務\0課", 10);
    inquiry.body = "本文\r\n";
    CHECK(validate(inquiry) == Problems{{"division", "field.control_character"},
                                        {"contact", "field.control_character"},
                                        {"subject", "field.control_character"},
                                        {"body", "field.control_character"}});
}

TEST_CASE("invalid UTF-8 is refused before anything else", "[tickets]") {
    auto inquiry = valid_inquiry();
    inquiry.subject = "\xE7\xAA";
    CHECK(validate(inquiry) == Problems{{"subject", "field.invalid_utf8"}});
}

TEST_CASE("the category is one of the five, each with a label", "[tickets]") {
    const std::vector<std::string_view> names(inquiry_categories().begin(), inquiry_categories().end());
    CHECK(names == std::vector<std::string_view>{"device", "software", "service", "account", "other"});
    for (const auto name : names) {
        auto inquiry = valid_inquiry();
        inquiry.category = std::string(name);
        CHECK(validate(inquiry).empty());
        CHECK(madoguchi::i18n::has_key("tickets.category." + std::string(name)));
    }
    auto inquiry = valid_inquiry();
    inquiry.category = "Device";
    CHECK(validate(inquiry) == Problems{{"category", "field.unknown_category"}});
}

TEST_CASE("every reason key has a catalog text", "[tickets]") {
    for (const auto* key : {"field.required", "field.too_long_100", "field.too_long_200", "field.too_long_10000",
                            "field.control_character", "field.invalid_utf8", "field.unknown_category",
                            "field.not_string", "field.unknown_field", "field.not_object"}) {
        INFO(key);
        CHECK(madoguchi::i18n::has_key(key));
    }
}

TEST_CASE("an inquiry goes to JSON and back unchanged", "[tickets]") {
    const auto inquiry = valid_inquiry();
    const auto document = to_json(inquiry);
    CHECK(document == json{{"requester_name", "山田 太郎"},
                           {"division", "総務課"},
                           {"contact", "内線 1234"},
                           {"category", "device"},
                           {"subject", "プリンターが印刷できない"},
                           {"body", inquiry.body}});
    const auto parsed = inquiry_from_json(document);
    CHECK(parsed.problems.empty());
    CHECK(to_json(parsed.inquiry) == document);
}

TEST_CASE("wrong JSON types and unknown members are problems too, with validation's", "[tickets]") {
    const auto parsed = inquiry_from_json(json{{"requester_name", 42},
                                               {"division", nullptr},
                                               {"contact", "内線 1234"},
                                               {"category", json::array()},
                                               {"subject", "件名"},
                                               {"id", 7},
                                               {"attachments", "x"}});
    CHECK(parsed.problems == Problems{{"requester_name", "field.not_string"},
                                      {"division", "field.required"},
                                      {"category", "field.not_string"},
                                      {"body", "field.required"},
                                      {"attachments", "field.unknown_field"},
                                      {"id", "field.unknown_field"}});
    CHECK(parsed.inquiry.contact == "内線 1234");
    CHECK(parsed.inquiry.subject == "件名");
}

TEST_CASE("a body that is not an object is one problem", "[tickets]") {
    CHECK(inquiry_from_json(json::array()).problems == Problems{{"", "field.not_object"}});
    CHECK(inquiry_from_json(json("text")).problems == Problems{{"", "field.not_object"}});
}
